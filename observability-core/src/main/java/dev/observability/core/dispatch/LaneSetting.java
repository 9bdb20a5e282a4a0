package dev.observability.core.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.observability.core.settings.Range;
import dev.observability.core.settings.Setting;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * One setting of an adapter's lane, defined once: its name, its type, the values it accepts and where it is in
 * {@link LaneSettings}; its default is its value in {@link LaneSettings#DEFAULTS}. The name is the key under
 * {@code observability.adapters.<adapter>.} in a Spring Boot application, and the one the {@code observability}
 * endpoint reads and shows. The settings' records validate their values with these rules, the Boot properties do at
 * start-up, and so does a change at runtime ({@code ObservabilityManager.changeSettings}).
 *
 * @param <T> the type of the setting's values
 */
public final class LaneSetting<T> extends Setting<LaneSettings, T> {

    /**
     * The most calls a breaker's window, its minimum and its probes may count: far more than a rate needs, and few
     * enough that a window stays small in memory.
     */
    public static final int MAX_CALLS = 10_000;

    /** Whether the adapter is switched on. */
    public static final LaneSetting<Boolean> ENABLED = new LaneSetting<>("enabled", Boolean.class, false, null,
            LaneSettings::enabled, LaneSettings::withEnabled);

    /** How the lane calls the adapter; {@code null}: the adapter's own preference. */
    public static final LaneSetting<DispatchMode> DISPATCH_MODE = new LaneSetting<>("dispatch.mode",
            DispatchMode.class, true, null, LaneSettings::dispatch, LaneSettings::withDispatch);

    /**
     * The most events an ASYNC lane's queue holds, from 1 to 1,048,576 (2<sup>20</sup>); a full queue drops new
     * events.
     */
    public static final LaneSetting<Integer> QUEUE_CAPACITY = new LaneSetting<>("dispatch.queue-capacity",
            Integer.class, false, Range.wholeNumbers(1, 1 << 20), LaneSettings::queueCapacity,
            LaneSettings::withQueueCapacity);

    /**
     * The longest an event waits in an idle ASYNC lane's queue before the worker wakes and delivers it (the worker
     * also wakes when a batch waits), from 0 to 1 minute; 0 wakes it for each event that finds it idle.
     */
    public static final LaneSetting<Duration> MAX_DELAY = new LaneSetting<>("dispatch.max-delay", Duration.class,
            false, Range.durations(Duration.ZERO, Duration.ofMinutes(1)), LaneSettings::maxDelay,
            LaneSettings::withMaxDelay);

    /** The failure (or slow-call) rate, in percent from 1 to 100, at which the breaker opens. */
    public static final LaneSetting<Float> FAILURE_RATE_THRESHOLD = breaker("failure-rate-threshold", Float.class,
            Range.numbers(1, 100), CircuitBreakerSettings::failureRateThreshold,
            CircuitBreakerSettings::withFailureRateThreshold);

    /**
     * The number of recent calls the rates are computed over, from 1 to {@value #MAX_CALLS} (Resilience4j keeps an
     * object per call of the window).
     */
    public static final LaneSetting<Integer> SLIDING_WINDOW_SIZE = breaker("sliding-window-size", Integer.class,
            Range.wholeNumbers(1, MAX_CALLS), CircuitBreakerSettings::slidingWindowSize,
            CircuitBreakerSettings::withSlidingWindowSize);

    /** The calls needed in the window before a rate is computed, from 1 to {@value #MAX_CALLS}. */
    public static final LaneSetting<Integer> MINIMUM_NUMBER_OF_CALLS = breaker("minimum-number-of-calls",
            Integer.class, Range.wholeNumbers(1, MAX_CALLS), CircuitBreakerSettings::minimumNumberOfCalls,
            CircuitBreakerSettings::withMinimumNumberOfCalls);

    /**
     * How long the breaker stays open before it lets probes through, from 1 ms (Resilience4j's least) to 1 day.
     */
    public static final LaneSetting<Duration> WAIT_DURATION_IN_OPEN_STATE = breaker("wait-duration-in-open-state",
            Duration.class, Range.durations(Duration.ofMillis(1), Duration.ofDays(1)),
            CircuitBreakerSettings::waitDurationInOpenState, CircuitBreakerSettings::withWaitDurationInOpenState);

    /** The number of probe calls in the half-open state, from 1 to {@value #MAX_CALLS}. */
    public static final LaneSetting<Integer> PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE = breaker(
            "permitted-number-of-calls-in-half-open-state", Integer.class, Range.wholeNumbers(1, MAX_CALLS),
            CircuitBreakerSettings::permittedCallsInHalfOpenState,
            CircuitBreakerSettings::withPermittedCallsInHalfOpenState);

    /** The duration over which a call counts as slow, and so as a failure, from 1 ms to 1 day. */
    public static final LaneSetting<Duration> SLOW_CALL_DURATION_THRESHOLD = breaker("slow-call-duration-threshold",
            Duration.class, Range.durations(Duration.ofMillis(1), Duration.ofDays(1)),
            CircuitBreakerSettings::slowCallDurationThreshold,
            CircuitBreakerSettings::withSlowCallDurationThreshold);

    private static final List<LaneSetting<Boolean>> SIGNALS = signals();

    private static final List<LaneSetting<?>> ALL = list(ENABLED, DISPATCH_MODE, QUEUE_CAPACITY, MAX_DELAY,
            FAILURE_RATE_THRESHOLD, SLIDING_WINDOW_SIZE, MINIMUM_NUMBER_OF_CALLS, WAIT_DURATION_IN_OPEN_STATE,
            PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE, SLOW_CALL_DURATION_THRESHOLD);

    private LaneSetting(String name, Class<T> type, boolean nullable, @Nullable Range<T> range,
            Function<LaneSettings, @Nullable T> getter, BiFunction<LaneSettings, T, LaneSettings> wither) {
        super(name, type, nullable, range, getter, wither);
    }

    private static <T> LaneSetting<T> breaker(String name, Class<T> type, Range<T> range,
            Function<CircuitBreakerSettings, T> getter,
            BiFunction<CircuitBreakerSettings, T, CircuitBreakerSettings> wither) {
        return new LaneSetting<>("circuit-breaker." + name, type, false, range,
                (settings) -> getter.apply(settings.circuitBreaker()),
                (settings, value) -> settings.withCircuitBreaker(wither.apply(settings.circuitBreaker(), value)));
    }

    private static List<LaneSetting<Boolean>> signals() {
        List<LaneSetting<Boolean>> signals = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            signals.add(new LaneSetting<>("signals." + signal.tagValue(), Boolean.class, false, null,
                    (settings) -> settings.isSignalEnabled(signal), (settings, on) -> settings.withSignal(signal, on)));
        }
        return Collections.unmodifiableList(signals);
    }

    private static List<LaneSetting<?>> list(LaneSetting<?>... settings) {
        List<LaneSetting<?>> all = new ArrayList<>(List.of(settings));
        all.addAll(SIGNALS);
        return Collections.unmodifiableList(all);
    }

    /**
     * @param signal a signal
     * @return the switch of that signal alone, {@code signals.<signal>}: an adapter switched on receives the signals
     * whose switch is on
     */
    public static LaneSetting<Boolean> signal(Signal signal) {
        return SIGNALS.get(signal.ordinal());
    }

    /** @return every setting of a lane, the per-signal switches last */
    public static List<LaneSetting<?>> all() {
        return ALL;
    }

    /**
     * @param name a setting's name, such as {@code circuit-breaker.failure-rate-threshold}
     * @return the setting of that name, or empty
     */
    public static Optional<LaneSetting<?>> named(String name) {
        return ALL.stream().filter((setting) -> setting.name().equals(name)).findFirst();
    }

    /** @return the default: the value in {@link LaneSettings#DEFAULTS} */
    public @Nullable T defaultValue() {
        return get(LaneSettings.DEFAULTS);
    }
}
