package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/** Hands each event back to the lane at once, so the adapter is called on the thread that recorded the event. */
final class InlineDispatcher implements Dispatcher {

    private final DispatchTarget target;

    /** @param target the lane */
    InlineDispatcher(DispatchTarget target) {
        this.target = target;
    }

    @Override
    public DispatchMode mode() {
        return DispatchMode.INLINE;
    }

    /** Hands the event back at once; the chain of causes is the caller's thread's already. */
    @Override
    public void dispatch(SignalAccount account, Signal signal, Object delivery, Object subject,
            @Nullable Object detail, double value, @Nullable CausingLanes causes) {
        this.target.deliverNow(account, delivery, subject, detail, value);
    }

    @Override
    public int capacity() {
        return 0;
    }
}
