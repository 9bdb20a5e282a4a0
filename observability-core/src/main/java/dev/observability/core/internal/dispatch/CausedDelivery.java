package dev.observability.core.internal.dispatch;

/**
 * A queued event that another lane's work caused: the delivery, with the lanes that caused it and the lane it is
 * queued to (in that order, the latest first), so that the worker calls the adapter inside that chain and what the
 * call records is refused by every lane in it. Events the application records are queued without it.
 *
 * @param causes the lane the event is queued to, then the lanes whose work caused it
 * @param delivery the event's {@link ValueDelivery} or {@link DetailDelivery}
 */
record CausedDelivery(CausingLanes causes, Object delivery) {
}
