package dev.observability.core.internal.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Asks a lane's circuit breaker for permission, except while the answer is known: a CLOSED breaker permits every
 * call, a FORCED_OPEN one none, and an OPEN one is asked again only once the lane's clock has moved
 * {@value #RECHECK_MILLIS} ms past the last refusal it gave. So an OPEN breaker's move to HALF_OPEN after its wait
 * is seen late by at most that, plus one period of the lane's clock.
 * <p>
 * What it buys: Resilience4j builds a time-stamped event for every call it refuses, which would make a refusal cost
 * more than a delivery; here most refusals cost a read of the breaker's state and of the lane's clock.
 * {@code CircuitOpenBenchmark.open} shows it.
 */
final class BreakerGate {

    static final long RECHECK_MILLIS = 1;

    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);

    private final LongSupplier clock;

    /** Before this time, by the lane's clock, an OPEN breaker is not asked. */
    private volatile long recheckAt;

    /** @param clock the lane's clock */
    BreakerGate(LongSupplier clock) {
        this.clock = clock;
        this.recheckAt = clock.getAsLong();
    }

    /**
     * @param breaker the lane's breaker now
     * @return whether it permits a call (a permission taken from a HALF_OPEN breaker is the caller's to use or
     * release)
     */
    boolean permits(CircuitBreaker breaker) {
        // a closed breaker permits every call and counts no permission (Resilience4j's ClosedState): asking it again
        // would only read its state a second time
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.CLOSED || permitsWhenNotClosed(breaker, state);
    }

    /**
     * The rest of {@link #permits}, apart so that the closed breaker's answer, on every event's path, stays small
     * enough for the JIT to inline.
     */
    private boolean permitsWhenNotClosed(CircuitBreaker breaker, CircuitBreaker.State state) {
        if (state == CircuitBreaker.State.FORCED_OPEN
                || (state == CircuitBreaker.State.OPEN && this.clock.getAsLong() - this.recheckAt < 0)) {
            return false;
        }
        if (breaker.tryAcquirePermission()) {
            return true;
        }
        this.recheckAt = this.clock.getAsLong() + RECHECK_NANOS;
        return false;
    }
}
