package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Signal;

/**
 * Receives one event taken from an ASYNC lane's queue: the worker runs it, a stop past its deadline counts it as
 * dropped.
 */
@FunctionalInterface
interface QueuedEventHandler {

    /**
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param subject the call's subject
     * @param value the call's number
     */
    void handle(Signal signal, ValueDelivery<Object, Object> delivery, Object subject, double value);
}
