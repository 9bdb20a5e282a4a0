package dev.observability.core.dispatch;

import java.time.Duration;

/**
 * The settings of one lane's circuit breaker. Slow calls count as failures: a call slower than
 * {@link #slowCallDurationThreshold()} is recorded as slow, and the slow-call rate opens the breaker at the same
 * threshold as the failure rate.
 *
 * @param failureRateThreshold the failure (or slow-call) rate, in percent from 1 to 100, at which the breaker opens
 * @param slidingWindowSize the number of recent calls the rates are computed over
 * @param minimumNumberOfCalls the calls needed in the window before a rate is computed
 * @param waitDurationInOpenState how long the breaker stays open before it lets probes through
 * @param permittedCallsInHalfOpenState the number of probe calls in the half-open state
 * @param slowCallDurationThreshold the duration over which a call counts as slow
 */
public record CircuitBreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
        Duration waitDurationInOpenState, int permittedCallsInHalfOpenState, Duration slowCallDurationThreshold) {

    /** The defaults: 50 %, 100 calls, 20 calls, 30 s, 5 calls, 1 s. */
    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(50f, 100, 20,
            Duration.ofSeconds(30), 5, Duration.ofSeconds(1));

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting and the accepted range
     */
    public CircuitBreakerSettings {
        if (!(failureRateThreshold >= 1f && failureRateThreshold <= 100f)) {
            throw new IllegalArgumentException(
                    "failure-rate-threshold must be from 1 to 100 (percent), was " + failureRateThreshold);
        }
        if (slidingWindowSize < 1) {
            throw new IllegalArgumentException("sliding-window-size must be 1 or more, was " + slidingWindowSize);
        }
        if (minimumNumberOfCalls < 1) {
            throw new IllegalArgumentException(
                    "minimum-number-of-calls must be 1 or more, was " + minimumNumberOfCalls);
        }
        requirePositive("wait-duration-in-open-state", waitDurationInOpenState);
        if (permittedCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("permitted-number-of-calls-in-half-open-state must be 1 or more, was "
                    + permittedCallsInHalfOpenState);
        }
        requirePositive("slow-call-duration-threshold", slowCallDurationThreshold);
    }

    private static void requirePositive(String setting, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, was " + duration);
        }
    }
}
