package dev.observability.core.dispatch;

import java.time.Duration;

/**
 * The settings of one lane's circuit breaker. Slow calls count as failures: a call slower than
 * {@link #slowCallDurationThreshold()} is recorded as slow, and the slow-call rate opens the breaker at the same
 * threshold as the failure rate. The values each setting accepts are defined by its {@link LaneSetting}.
 *
 * @param failureRateThreshold the failure (or slow-call) rate, in percent from 1 to 100, at which the breaker opens
 * @param slidingWindowSize the number of recent calls the rates are computed over
 * @param minimumNumberOfCalls the calls needed in the window before a rate is computed
 * @param waitDurationInOpenState how long the breaker stays open before it lets probes through
 * @param slowCallDurationThreshold the duration over which a call counts as slow
 */
public record CircuitBreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
        Duration waitDurationInOpenState, int permittedCallsInHalfOpenState, Duration slowCallDurationThreshold) {

    /** The defaults: 50 %, 100 calls, 20 calls, 30 s, 5 calls, 1 s. */
    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(50f, 100, 20,
            Duration.ofSeconds(30), 5, Duration.ofSeconds(1));

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting, its value and the values it accepts
     */
    public CircuitBreakerSettings {
        LaneSetting.FAILURE_RATE_THRESHOLD.require(failureRateThreshold);
        LaneSetting.SLIDING_WINDOW_SIZE.require(slidingWindowSize);
        LaneSetting.MINIMUM_NUMBER_OF_CALLS.require(minimumNumberOfCalls);
        LaneSetting.WAIT_DURATION_IN_OPEN_STATE.require(waitDurationInOpenState);
        LaneSetting.PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE.require(permittedCallsInHalfOpenState);
        LaneSetting.SLOW_CALL_DURATION_THRESHOLD.require(slowCallDurationThreshold);
    }

    /**
     * @param threshold a failure rate threshold
     * @return these settings with that threshold
     */
    public CircuitBreakerSettings withFailureRateThreshold(float threshold) {
        return new CircuitBreakerSettings(threshold, this.slidingWindowSize, this.minimumNumberOfCalls,
                this.waitDurationInOpenState, this.permittedCallsInHalfOpenState, this.slowCallDurationThreshold);
    }

    /**
     * @param size a sliding window size
     * @return these settings with that size
     */
    public CircuitBreakerSettings withSlidingWindowSize(int size) {
        return new CircuitBreakerSettings(this.failureRateThreshold, size, this.minimumNumberOfCalls,
                this.waitDurationInOpenState, this.permittedCallsInHalfOpenState, this.slowCallDurationThreshold);
    }

    /**
     * @param calls a minimum number of calls
     * @return these settings with that minimum
     */
    public CircuitBreakerSettings withMinimumNumberOfCalls(int calls) {
        return new CircuitBreakerSettings(this.failureRateThreshold, this.slidingWindowSize, calls,
                this.waitDurationInOpenState, this.permittedCallsInHalfOpenState, this.slowCallDurationThreshold);
    }

    /**
     * @param wait a wait duration in the open state
     * @return these settings with that wait
     */
    public CircuitBreakerSettings withWaitDurationInOpenState(Duration wait) {
        return new CircuitBreakerSettings(this.failureRateThreshold, this.slidingWindowSize, this.minimumNumberOfCalls,
                wait, this.permittedCallsInHalfOpenState, this.slowCallDurationThreshold);
    }

    /**
     * @param calls a number of probe calls in the half-open state
     * @return these settings with that number
     */
    public CircuitBreakerSettings withPermittedCallsInHalfOpenState(int calls) {
        return new CircuitBreakerSettings(this.failureRateThreshold, this.slidingWindowSize, this.minimumNumberOfCalls,
                this.waitDurationInOpenState, calls, this.slowCallDurationThreshold);
    }

    /**
     * @param threshold a slow-call duration threshold
     * @return these settings with that threshold
     */
    public CircuitBreakerSettings withSlowCallDurationThreshold(Duration threshold) {
        return new CircuitBreakerSettings(this.failureRateThreshold, this.slidingWindowSize, this.minimumNumberOfCalls,
                this.waitDurationInOpenState, this.permittedCallsInHalfOpenState, threshold);
    }
}
