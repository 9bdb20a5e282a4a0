package dev.observability.core.internal.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * One call to make on an adapter with two objects given at submission rather than captured, such as a logging
 * framework's event and the span current when it was logged: like {@link ValueDelivery}, a caller keeps one instance
 * and submits without allocating, and the lane runs it on the thread that delivers (an ASYNC lane's worker).
 *
 * @param <A> the adapter type
 * @param <S> the subject's type
 * @param <D> the detail's type
 */
@FunctionalInterface
public interface DetailDelivery<A, S, D> {

    /**
     * Makes the call.
     * @param adapter the lane's adapter
     * @param subject what the call is about, as submitted
     * @param detail the object submitted with it, or {@code null}
     * @throws Exception whatever the adapter throws; the lane counts it and never rethrows
     */
    void deliverTo(A adapter, S subject, @Nullable D detail) throws Exception;
}
