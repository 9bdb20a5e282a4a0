package dev.observability.core.internal.dispatch;

/**
 * One call to make on an adapter, with a subject and a number given at submission rather than captured: a caller
 * keeps one instance (a constant, or a field of a long-lived object) and submits without allocating on an INLINE
 * lane. {@code MetricsAdapter::counter} is one.
 *
 * @param <A> the adapter type
 * @param <S> the subject's type (for example the metric's id)
 */
@FunctionalInterface
public interface ValueDelivery<A, S> {

    /**
     * Makes the call.
     * @param adapter the lane's adapter
     * @param subject what the call is about, as submitted
     * @param value the number submitted with it
     * @throws Exception whatever the adapter throws; the lane counts it and never rethrows
     */
    void deliverTo(A adapter, S subject, double value) throws Exception;
}
