package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The one way a {@link Dispatcher} reaches back to its lane: it hands back each event it took, or tells the lane what
 * became of it, and marks its worker threads as the lane's. The lane implements it; an INLINE dispatcher calls it on
 * the caller's thread, an ASYNC one on its worker (or on the thread that stops the lane). The events' values are
 * those given to {@link Dispatcher#dispatch}.
 */
interface DispatchTarget {

    /**
     * Calls the adapter for an event handed back at once, on the thread that submitted it.
     * @param account the account of the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     */
    void deliverNow(SignalAccount account, Object delivery, Object subject, @Nullable Object detail, double value);

    /**
     * Calls the adapter for a queued event, on the worker's thread, inside the chain of lanes that caused it.
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @param causes the lanes whose work caused the event, or {@code null} when the application did
     */
    void deliverQueued(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value,
            @Nullable CausingLanes causes);

    /**
     * Counts a queued event that leaves without a call: the queue was full, or it was still queued when the lane
     * stopped or stopped queuing.
     * @param signal the signal the event is counted under
     */
    void dropped(Signal signal);

    /** Marks the calling thread, a worker of the lane, as working for the lane for its whole life. */
    void workerStarted();
}
