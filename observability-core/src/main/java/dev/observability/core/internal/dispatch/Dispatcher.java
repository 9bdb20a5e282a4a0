package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * How the events a lane lets through reach its adapter: {@link InlineDispatcher} hands each back to the lane at once,
 * on the caller's thread; {@link AsyncDispatcher} queues it for a worker thread, which hands it back later. Either
 * hands events back through the lane's {@link DispatchTarget}, the one way back to the lane. The lane knows its
 * dispatcher by this interface alone: the queue, its capacity and its workers are the ASYNC dispatcher's.
 */
sealed interface Dispatcher permits InlineDispatcher, AsyncDispatcher {

    DispatchMode mode();

    /**
     * Takes one event the lane let through. Never throws, never blocks.
     * @param account the account of the signal the event is counted under, read by the lane as the event entered
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter: a {@link ValueDelivery} or a {@link DetailDelivery}
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @param causes the lanes whose work caused the event ({@link Whereabouts}), or {@code null} when the
     * application did: a queued event carries them to the thread that delivers it
     */
    void dispatch(SignalAccount account, Signal signal, Object delivery, Object subject, @Nullable Object detail, double value,
            @Nullable CausingLanes causes);

    /** @return the most events the dispatcher holds: its queue's capacity, or 0 when it queues nothing */
    int capacity();
}
