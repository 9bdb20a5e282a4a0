package dev.observability.autoconfigure;

import dev.observability.autoconfigure.ObservabilityProperties.Adapter;
import dev.observability.autoconfigure.ObservabilityProperties.CircuitBreaker;
import dev.observability.autoconfigure.ObservabilityProperties.CircuitBreakerOverrides;
import dev.observability.autoconfigure.ObservabilityProperties.DispatchOverrides;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import org.jspecify.annotations.Nullable;

/**
 * Turns the properties into lane settings: the defaults of every lane, and each adapter's overrides on top.
 */
final class LaneSettingsResolver {

    private final ObservabilityProperties properties;

    private final LaneSettings defaults;

    LaneSettingsResolver(ObservabilityProperties properties) {
        this.properties = properties;
        CircuitBreaker breaker = properties.getCircuitBreaker();
        this.defaults = new LaneSettings(true, properties.getDispatch().getMode(),
                properties.getDispatch().getQueueCapacity(),
                new CircuitBreakerSettings(breaker.getFailureRateThreshold(), breaker.getSlidingWindowSize(),
                        breaker.getMinimumNumberOfCalls(), breaker.getWaitDurationInOpenState(),
                        breaker.getPermittedNumberOfCallsInHalfOpenState(), breaker.getSlowCallDurationThreshold()));
    }

    /** @return the settings of a lane without overrides */
    LaneSettings defaults() {
        return this.defaults;
    }

    /**
     * @param adapterName an adapter's name
     * @return its settings: the defaults with its {@code observability.adapters.<name>.*} overrides applied
     */
    LaneSettings forAdapter(String adapterName) {
        Adapter overrides = this.properties.getAdapters().get(adapterName);
        if (overrides == null) {
            return this.defaults;
        }
        CircuitBreakerSettings base = this.defaults.circuitBreaker();
        CircuitBreakerOverrides breaker = overrides.getCircuitBreaker();
        CircuitBreakerSettings circuitBreaker = new CircuitBreakerSettings(
                or(breaker.getFailureRateThreshold(), base.failureRateThreshold()),
                or(breaker.getSlidingWindowSize(), base.slidingWindowSize()),
                or(breaker.getMinimumNumberOfCalls(), base.minimumNumberOfCalls()),
                or(breaker.getWaitDurationInOpenState(), base.waitDurationInOpenState()),
                or(breaker.getPermittedNumberOfCallsInHalfOpenState(), base.permittedCallsInHalfOpenState()),
                or(breaker.getSlowCallDurationThreshold(), base.slowCallDurationThreshold()));
        DispatchOverrides dispatch = overrides.getDispatch();
        @Nullable DispatchMode mode = (dispatch.getMode() != null) ? dispatch.getMode() : this.defaults.dispatch();
        return new LaneSettings(overrides.isEnabled(), mode,
                or(dispatch.getQueueCapacity(), this.defaults.queueCapacity()), circuitBreaker);
    }

    private static <T> T or(@Nullable T override, T fallback) {
        return (override != null) ? override : fallback;
    }
}
