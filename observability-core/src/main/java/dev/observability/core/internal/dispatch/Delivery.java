package dev.observability.core.internal.dispatch;

/**
 * One call to make on an adapter: the unit a lane runs inline or queues.
 *
 * @param <A> the adapter type
 */
@FunctionalInterface
public interface Delivery<A> {

    /**
     * Makes the call.
     * @param adapter the lane's adapter
     * @throws Exception whatever the adapter throws; the lane counts it and never rethrows
     */
    void deliverTo(A adapter) throws Exception;
}
