package dev.observability.core.internal.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.EventProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Records each call's outcome in a lane's circuit breaker, holding back successes while recording them could not
 * change any decision of the breaker, so that a healthy lane does not take the breaker's window lock on every call.
 * <p>
 * The exact rule. A success is <em>held</em> (counted here, not yet given to the breaker) only while all of these
 * hold: the window is count-based, the breaker is CLOSED, its current window already holds at least
 * {@code minimumNumberOfCalls} calls, and no one listens to the breaker's events. Every failure and every slow call is
 * recorded at once, after the held successes (at most one window's worth, the most the window can keep) are given to
 * the breaker first. So whenever the breaker evaluates its rates, its window holds the same last calls as if every
 * call had been recorded at once, and it opens at the same failure or slow-call rate. Nothing is lost by holding: in
 * a CLOSED window that is already at its minimum, a success can only keep or lower both rates, so it never opens the
 * breaker by itself. Outside that case (a new or reset window below its minimum, HALF_OPEN probes, a time-based
 * window, event listeners attached) every success is recorded at once.
 * <p>
 * What an observer sees differently: the breaker's own metrics ({@code numberOfSuccessfulCalls},
 * {@code numberOfBufferedCalls}) count held successes only when the next failure or slow call arrives; successes
 * held when the window is replaced (the breaker opens, or is reset) belong to no window and are not recorded, as
 * with a call that ends after its window was replaced.
 * <p>
 * Held successes are not counted separately: they are the lane's {@code delivered} count (which the lane adds to
 * before it reports the call here) minus the mark taken when the window was primed or last handed its successes.
 * Slow calls are delivered too, so a slow call takes itself out of that difference.
 * <p>
 * What it buys: a healthy call costs a few reads of the breaker's state instead of the breaker's window lock;
 * {@code NoopManagerBenchmark.noopAdapterBound} (a healthy INLINE call) is where it shows, against a lane that
 * records every success.
 */
final class BreakerOutcomes {

    private final CircuitBreaker breaker;

    private final boolean countBased;

    private final int windowSize;

    private final int minimumCalls;

    private final LongSupplier delivered;

    /** The lane's delivered count when successes were last handed to the breaker (or the window was primed). */
    private final AtomicLong handedUpTo = new AtomicLong();

    /** The CLOSED window known to hold at least the minimum number of calls; successes are held while it is current. */
    private volatile CircuitBreaker.@Nullable Metrics primed;

    /**
     * @param breaker the lane's breaker
     * @param delivered the lane's delivered count over all its signals
     */
    BreakerOutcomes(CircuitBreaker breaker, LongSupplier delivered) {
        this.breaker = breaker;
        this.delivered = delivered;
        CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
        this.countBased = config.getSlidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
        this.windowSize = config.getSlidingWindowSize();
        this.minimumCalls = Math.min(config.getMinimumNumberOfCalls(), this.windowSize);
    }

    /**
     * Records a call that returned within the slow-call threshold, already counted as delivered by the lane.
     * @param elapsedNanos how long it took
     */
    void success(long elapsedNanos) {
        if (holdsSuccesses()) {
            return;
        }
        this.breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        primeIfAtMinimum();
    }

    /**
     * Records a call that returned after the slow-call threshold (already counted as delivered by the lane) as a
     * failure, after the successes held before it.
     * @param elapsedNanos how long it took
     */
    void slow(long elapsedNanos) {
        handOverHeld(1);
        this.breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, SlowCallException.INSTANCE);
    }

    /**
     * Records a failed call, after the successes held before it.
     * @param elapsedNanos how long it took
     * @param error what it threw
     */
    void failure(long elapsedNanos, Throwable error) {
        handOverHeld(0);
        this.breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, error);
    }

    /** @param notSuccesses delivered events counted since the last hand-over that are not successes (a slow call) */
    private void handOverHeld(long notSuccesses) {
        long now = this.delivered.getAsLong();
        long held = now - this.handedUpTo.getAndAccumulate(now, Math::max) - notSuccesses;
        if (held > 0 && holdsSuccesses()) {
            for (long i = Math.min(held, this.windowSize); i > 0; i--) {
                this.breaker.onSuccess(0, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** @return the successes held back now (for tests) */
    long held() {
        return holdsSuccesses() ? Math.max(0, this.delivered.getAsLong() - this.handedUpTo.get()) : 0;
    }

    private boolean holdsSuccesses() {
        return this.breaker.getMetrics() == this.primed && this.breaker.getState() == CircuitBreaker.State.CLOSED
                && !hasListeners();
    }

    private boolean hasListeners() {
        return this.breaker.getEventPublisher() instanceof EventProcessor<?> processor && processor.hasConsumers();
    }

    private void primeIfAtMinimum() {
        if (!this.countBased || this.breaker.getState() != CircuitBreaker.State.CLOSED) {
            return;
        }
        CircuitBreaker.Metrics metrics = this.breaker.getMetrics();
        if (metrics != this.primed && metrics.getNumberOfBufferedCalls() >= this.minimumCalls) {
            this.handedUpTo.accumulateAndGet(this.delivered.getAsLong(), Math::max);
            this.primed = metrics;
        }
    }
}
