package dev.observability.core.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
 * window, event listeners attached) every success is recorded at once, as before.
 * <p>
 * What an observer sees differently: the breaker's own metrics ({@code numberOfSuccessfulCalls},
 * {@code numberOfBufferedCalls}) count held successes only when the next failure or slow call arrives; successes
 * held when the window is replaced (the breaker opens, or is reset) belong to no window and are not recorded, as
 * with a call that ends after its window was replaced.
 */
final class BreakerOutcomes {

    private final CircuitBreaker breaker;

    private final boolean countBased;

    private final int windowSize;

    private final int minimumCalls;

    private final LongAdder heldSuccesses = new LongAdder();

    /** The CLOSED window known to hold at least the minimum number of calls; successes are held while it is current. */
    private volatile CircuitBreaker.@Nullable Metrics primed;

    BreakerOutcomes(CircuitBreaker breaker) {
        this.breaker = breaker;
        CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
        this.countBased = config.getSlidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
        this.windowSize = config.getSlidingWindowSize();
        this.minimumCalls = Math.min(config.getMinimumNumberOfCalls(), this.windowSize);
    }

    /**
     * Records a call that returned within the slow-call threshold.
     * @param elapsedNanos how long it took
     */
    void success(long elapsedNanos) {
        if (holdsSuccesses()) {
            this.heldSuccesses.increment();
            return;
        }
        this.breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        primeIfAtMinimum();
    }

    /**
     * Records a failed or slow call, after the successes held before it.
     * @param elapsedNanos how long it took
     * @param error what it threw, or {@link SlowCallException#INSTANCE} for a slow call
     */
    void failure(long elapsedNanos, Throwable error) {
        long held = this.heldSuccesses.sumThenReset();
        if (held > 0 && holdsSuccesses()) {
            for (long i = Math.min(held, this.windowSize); i > 0; i--) {
                this.breaker.onSuccess(0, TimeUnit.NANOSECONDS);
            }
        }
        this.breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, error);
    }

    /** @return the successes held back now (for tests) */
    long held() {
        return this.heldSuccesses.sum();
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
            this.heldSuccesses.reset();
            this.primed = metrics;
        }
    }
}
