package dev.observability.core.dispatch;

import java.time.Duration;
import java.util.Set;

import dev.observability.core.settings.Switches;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one adapter's lane. The values each setting accepts, and its name, are defined by its
 * {@link LaneSetting}.
 *
 * @param dispatch the dispatch mode, or {@code null} for the adapter's own
 * {@linkplain dev.observability.core.spi.ObservabilityAdapter#preferredDispatch() preference}
 * @param queueCapacity the most events an ASYNC lane holds; a full queue drops new events
 * @param maxDelay the longest an event waits in an idle ASYNC lane's queue before its worker wakes and delivers it
 * (the worker also wakes once a batch of events waits); 0 wakes the worker for each event that finds it idle, which
 * costs the application's thread a wake-up (a system call) for that event
 * @param disabledSignals the signals the adapter does not receive even while it is switched on (default: none)
 */
public record LaneSettings(boolean enabled, @Nullable DispatchMode dispatch, int queueCapacity, Duration maxDelay,
        CircuitBreakerSettings circuitBreaker, Set<Signal> disabledSignals) {

    /** The default queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    /** The default {@code max-delay}. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(100);

    /**
     * Enabled, the adapter's preferred dispatch, a queue of 8192, a delay of at most 100 ms, the default breaker and
     * every signal on.
     */
    public static final LaneSettings DEFAULTS = new LaneSettings(true, null, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_DELAY,
            CircuitBreakerSettings.DEFAULTS);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting, its value and the values it accepts
     */
    public LaneSettings {
        LaneSetting.QUEUE_CAPACITY.require(queueCapacity);
        LaneSetting.MAX_DELAY.require(maxDelay);
        if (circuitBreaker == null) {
            throw new IllegalArgumentException("circuit-breaker settings are required");
        }
        disabledSignals = Switches.copyOf(Signal.class, disabledSignals);
    }

    /**
     * Settings with every signal switched on.
     * @param enabled whether the adapter is switched on
     * @param dispatch the dispatch mode, or {@code null} for the adapter's own preference
     * @param queueCapacity the most events an ASYNC lane holds
     * @param maxDelay the longest an event waits in an idle ASYNC lane's queue
     * @param circuitBreaker the circuit breaker's settings
     */
    public LaneSettings(boolean enabled, @Nullable DispatchMode dispatch, int queueCapacity, Duration maxDelay,
            CircuitBreakerSettings circuitBreaker) {
        this(enabled, dispatch, queueCapacity, maxDelay, circuitBreaker, Set.of());
    }

    /**
     * @param signal a signal
     * @return whether that signal's switch is on (the adapter receives it while it is switched on)
     */
    public boolean isSignalEnabled(Signal signal) {
        return !this.disabledSignals.contains(signal);
    }

    /**
     * @param mode a dispatch mode, or {@code null} for the adapter's preference
     * @return these settings with that mode
     */
    public LaneSettings withDispatch(@Nullable DispatchMode mode) {
        return new LaneSettings(this.enabled, mode, this.queueCapacity, this.maxDelay, this.circuitBreaker,
                this.disabledSignals);
    }

    /**
     * @param capacity a queue capacity
     * @return these settings with that capacity
     */
    public LaneSettings withQueueCapacity(int capacity) {
        return new LaneSettings(this.enabled, this.dispatch, capacity, this.maxDelay, this.circuitBreaker,
                this.disabledSignals);
    }

    /**
     * @param delay the longest an event waits in an idle ASYNC lane's queue
     * @return these settings with that delay
     */
    public LaneSettings withMaxDelay(Duration delay) {
        return new LaneSettings(this.enabled, this.dispatch, this.queueCapacity, delay, this.circuitBreaker,
                this.disabledSignals);
    }

    /**
     * @param on whether the adapter is switched on
     * @return these settings with that switch
     */
    public LaneSettings withEnabled(boolean on) {
        return new LaneSettings(on, this.dispatch, this.queueCapacity, this.maxDelay, this.circuitBreaker,
                this.disabledSignals);
    }

    /**
     * @param settings circuit breaker settings
     * @return these settings with that breaker
     */
    public LaneSettings withCircuitBreaker(CircuitBreakerSettings settings) {
        return new LaneSettings(this.enabled, this.dispatch, this.queueCapacity, this.maxDelay, settings,
                this.disabledSignals);
    }

    /**
     * @param signal a signal
     * @param on whether the adapter receives it while switched on
     * @return these settings with that signal's switch
     */
    public LaneSettings withSignal(Signal signal, boolean on) {
        Set<Signal> off = Switches.with(Signal.class, this.disabledSignals, signal, on);
        return new LaneSettings(this.enabled, this.dispatch, this.queueCapacity, this.maxDelay, this.circuitBreaker,
                off);
    }
}
