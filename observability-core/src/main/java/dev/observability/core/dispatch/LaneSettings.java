package dev.observability.core.dispatch;

import dev.observability.core.spi.DispatchMode;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one adapter's lane. The values each setting accepts, and its name, are defined by its
 * {@link LaneSetting}.
 *
 * @param enabled whether the adapter is switched on
 * @param dispatch the dispatch mode, or {@code null} for the adapter's own
 * {@linkplain dev.observability.core.spi.ObservabilityAdapter#preferredDispatch() preference}
 * @param queueCapacity the most events an ASYNC lane holds; a full queue drops new events
 * @param circuitBreaker the circuit breaker's settings
 */
public record LaneSettings(boolean enabled, @Nullable DispatchMode dispatch, int queueCapacity,
        CircuitBreakerSettings circuitBreaker) {

    /** The default queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    /** Enabled, the adapter's preferred dispatch, a queue of 8192 and the default breaker. */
    public static final LaneSettings DEFAULTS = new LaneSettings(true, null, DEFAULT_QUEUE_CAPACITY,
            CircuitBreakerSettings.DEFAULTS);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting, its value and the values it accepts
     */
    public LaneSettings {
        LaneSetting.QUEUE_CAPACITY.require(queueCapacity);
        if (circuitBreaker == null) {
            throw new IllegalArgumentException("circuit-breaker settings are required");
        }
    }

    /**
     * @param mode a dispatch mode, or {@code null} for the adapter's preference
     * @return these settings with that mode
     */
    public LaneSettings withDispatch(@Nullable DispatchMode mode) {
        return new LaneSettings(this.enabled, mode, this.queueCapacity, this.circuitBreaker);
    }

    /**
     * @param capacity a queue capacity
     * @return these settings with that capacity
     */
    public LaneSettings withQueueCapacity(int capacity) {
        return new LaneSettings(this.enabled, this.dispatch, capacity, this.circuitBreaker);
    }

    /**
     * @param on whether the adapter is switched on
     * @return these settings with that switch
     */
    public LaneSettings withEnabled(boolean on) {
        return new LaneSettings(on, this.dispatch, this.queueCapacity, this.circuitBreaker);
    }

    /**
     * @param settings circuit breaker settings
     * @return these settings with that breaker
     */
    public LaneSettings withCircuitBreaker(CircuitBreakerSettings settings) {
        return new LaneSettings(this.enabled, this.dispatch, this.queueCapacity, settings);
    }
}
