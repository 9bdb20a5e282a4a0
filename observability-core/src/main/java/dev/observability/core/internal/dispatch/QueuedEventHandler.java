package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Receives one event taken from an ASYNC lane's queue: the worker runs it, a stop past its deadline counts it as
 * dropped.
 */
@FunctionalInterface
interface QueuedEventHandler {

    /**
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter: a {@link ValueDelivery} or a {@link DetailDelivery}
     * @param subject the call's subject
     * @param detail the call's second object (a {@link DetailDelivery}'s), or {@code null}
     * @param value the call's number (a {@link ValueDelivery}'s)
     */
    void handle(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value);
}
