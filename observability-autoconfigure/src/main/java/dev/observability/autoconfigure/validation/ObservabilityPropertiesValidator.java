package dev.observability.autoconfigure.validation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.ObservabilityProperties.Adapter;
import dev.observability.autoconfigure.ObservabilityProperties.CircuitBreaker;
import dev.observability.autoconfigure.ObservabilityProperties.CircuitBreakerOverrides;
import dev.observability.core.redaction.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code observability.*} properties at start-up, so a bad value stops the application with a message
 * that names the property, the value and the fix, instead of failing later deep inside a lane.
 */
public final class ObservabilityPropertiesValidator {

    private static final String PREFIX = "observability.";

    private static final String FALLBACK = "the observability.circuit-breaker.* value";

    private ObservabilityPropertiesValidator() {
    }

    /**
     * @param properties the bound properties
     * @throws InvalidObservabilityConfigurationException for the first bad value found
     */
    public static void validate(ObservabilityProperties properties) {
        ObservabilityProperties defaults = new ObservabilityProperties();
        ObservabilityProperties.Health health = properties.getHealth();
        positive("health.interval", health.getInterval(), defaults.getHealth().getInterval());
        positive("health.timeout", health.getTimeout(), defaults.getHealth().getTimeout());
        range("health.failure-threshold", health.getFailureThreshold(), 1, 100,
                defaults.getHealth().getFailureThreshold());
        ObservabilityProperties.Dispatch dispatch = properties.getDispatch();
        atLeastOne("dispatch.queue-capacity", dispatch.getQueueCapacity(), defaults.getDispatch().getQueueCapacity());
        Duration shutdownTimeout = dispatch.getShutdownTimeout();
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "dispatch.shutdown-timeout",
                    format(shutdownTimeout), "a duration of zero or more, such as 5s", "5s");
        }
        positive("dispatch.failure-log-interval", dispatch.getFailureLogInterval(),
                defaults.getDispatch().getFailureLogInterval());
        circuitBreaker("circuit-breaker.", properties.getCircuitBreaker(), defaults.getCircuitBreaker());
        for (Map.Entry<String, Adapter> entry : properties.getAdapters().entrySet()) {
            adapter("adapters." + entry.getKey() + ".", entry.getValue());
        }
        redactionKeys(properties.getRedaction().getKeys());
    }

    private static void redactionKeys(List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.replaceAll("[-_. ]", "").isBlank()) {
                throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "redaction.keys[" + i + "]",
                        key, "a word such as password or api-key (not blank, not only '-', '_', '.')",
                        Redaction.DEFAULT_WORDS_TEXT);
            }
        }
    }

    private static void circuitBreaker(String path, CircuitBreaker breaker, CircuitBreaker defaults) {
        range(path + "failure-rate-threshold", breaker.getFailureRateThreshold(), 1, 100,
                defaults.getFailureRateThreshold());
        atLeastOne(path + "sliding-window-size", breaker.getSlidingWindowSize(), defaults.getSlidingWindowSize());
        atLeastOne(path + "minimum-number-of-calls", breaker.getMinimumNumberOfCalls(),
                defaults.getMinimumNumberOfCalls());
        positive(path + "wait-duration-in-open-state", breaker.getWaitDurationInOpenState(),
                defaults.getWaitDurationInOpenState());
        atLeastOne(path + "permitted-calls-in-half-open-state", breaker.getPermittedCallsInHalfOpenState(),
                defaults.getPermittedCallsInHalfOpenState());
        positive(path + "slow-call-duration-threshold", breaker.getSlowCallDurationThreshold(),
                defaults.getSlowCallDurationThreshold());
    }

    private static void adapter(String path, Adapter adapter) {
        if (adapter.getQueueCapacity() != null) {
            atLeastOne(path + "queue-capacity", adapter.getQueueCapacity(), "observability.dispatch.queue-capacity");
        }
        CircuitBreakerOverrides breaker = adapter.getCircuitBreaker();
        String breakerPath = path + "circuit-breaker.";
        if (breaker.getFailureRateThreshold() != null) {
            range(breakerPath + "failure-rate-threshold", breaker.getFailureRateThreshold(), 1, 100, FALLBACK);
        }
        optionalAtLeastOne(breakerPath + "sliding-window-size", breaker.getSlidingWindowSize());
        optionalAtLeastOne(breakerPath + "minimum-number-of-calls", breaker.getMinimumNumberOfCalls());
        optionalAtLeastOne(breakerPath + "permitted-calls-in-half-open-state",
                breaker.getPermittedCallsInHalfOpenState());
        if (breaker.getWaitDurationInOpenState() != null) {
            positive(breakerPath + "wait-duration-in-open-state", breaker.getWaitDurationInOpenState(), FALLBACK);
        }
        if (breaker.getSlowCallDurationThreshold() != null) {
            positive(breakerPath + "slow-call-duration-threshold", breaker.getSlowCallDurationThreshold(), FALLBACK);
        }
    }

    private static void optionalAtLeastOne(String path, @Nullable Integer value) {
        if (value != null) {
            atLeastOne(path, value, FALLBACK);
        }
    }

    private static void range(String path, double value, int min, int max, Object defaultValue) {
        if (!(value >= min && value <= max)) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + path, format(value),
                    "a number from " + min + " to " + max, String.valueOf(format(defaultValue)));
        }
    }

    private static void atLeastOne(String path, int value, Object defaultValue) {
        if (value < 1) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + path, value,
                    "a whole number of 1 or more", String.valueOf(defaultValue));
        }
    }

    private static void positive(String path, @Nullable Duration value, Object defaultValue) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + path, format(value),
                    "a positive duration, such as 500ms, 5s or 1m", String.valueOf(format(defaultValue)));
        }
    }

    private static @Nullable Object format(@Nullable Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof Duration duration) {
            String text = duration.abs().toString().substring(2).toLowerCase(java.util.Locale.ROOT);
            return duration.isNegative() ? "-" + text : text;
        }
        return value;
    }
}
