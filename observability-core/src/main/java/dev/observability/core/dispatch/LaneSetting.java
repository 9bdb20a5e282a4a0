package dev.observability.core.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.observability.core.spi.DispatchMode;
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
public final class LaneSetting<T> {

    /** Whether the adapter is switched on. */
    public static final LaneSetting<Boolean> ENABLED = new LaneSetting<>("enabled", Boolean.class,
            (value) -> null, LaneSettings::enabled, LaneSettings::withEnabled);

    /** How the lane calls the adapter; {@code null}: the adapter's own preference. */
    public static final LaneSetting<DispatchMode> DISPATCH_MODE = new LaneSetting<>("dispatch.mode",
            DispatchMode.class, (value) -> null, LaneSettings::dispatch, LaneSettings::withDispatch);

    /** The most events an ASYNC lane's queue holds; a full queue drops new events. */
    public static final LaneSetting<Integer> QUEUE_CAPACITY = new LaneSetting<>("dispatch.queue-capacity",
            Integer.class, SettingRules::atLeastOne, LaneSettings::queueCapacity, LaneSettings::withQueueCapacity);

    /**
     * The longest an event waits in an idle ASYNC lane's queue before the worker wakes and delivers it (the worker
     * also wakes when a batch waits); 0 wakes it for each event that finds it idle.
     */
    public static final LaneSetting<Duration> MAX_DELAY = new LaneSetting<>("dispatch.max-delay", Duration.class,
            (value) -> SettingRules.notNegativeAtMost(value, LaneSettings.MAX_MAX_DELAY), LaneSettings::maxDelay,
            LaneSettings::withMaxDelay);

    /** The failure (or slow-call) rate, in percent, at which the breaker opens. */
    public static final LaneSetting<Float> FAILURE_RATE_THRESHOLD = breaker("failure-rate-threshold", Float.class,
            (value) -> SettingRules.between(value, 1, 100), CircuitBreakerSettings::failureRateThreshold,
            CircuitBreakerSettings::withFailureRateThreshold);

    /** The number of recent calls the rates are computed over. */
    public static final LaneSetting<Integer> SLIDING_WINDOW_SIZE = breaker("sliding-window-size", Integer.class,
            SettingRules::atLeastOne, CircuitBreakerSettings::slidingWindowSize,
            CircuitBreakerSettings::withSlidingWindowSize);

    /** The calls needed in the window before a rate is computed. */
    public static final LaneSetting<Integer> MINIMUM_NUMBER_OF_CALLS = breaker("minimum-number-of-calls",
            Integer.class, SettingRules::atLeastOne, CircuitBreakerSettings::minimumNumberOfCalls,
            CircuitBreakerSettings::withMinimumNumberOfCalls);

    /** How long the breaker stays open before it lets probes through. */
    public static final LaneSetting<Duration> WAIT_DURATION_IN_OPEN_STATE = breaker("wait-duration-in-open-state",
            Duration.class, SettingRules::positive, CircuitBreakerSettings::waitDurationInOpenState,
            CircuitBreakerSettings::withWaitDurationInOpenState);

    /** The number of probe calls in the half-open state. */
    public static final LaneSetting<Integer> PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE = breaker(
            "permitted-number-of-calls-in-half-open-state", Integer.class, SettingRules::atLeastOne,
            CircuitBreakerSettings::permittedCallsInHalfOpenState,
            CircuitBreakerSettings::withPermittedCallsInHalfOpenState);

    /** The duration over which a call counts as slow, and so as a failure. */
    public static final LaneSetting<Duration> SLOW_CALL_DURATION_THRESHOLD = breaker("slow-call-duration-threshold",
            Duration.class, SettingRules::positive, CircuitBreakerSettings::slowCallDurationThreshold,
            CircuitBreakerSettings::withSlowCallDurationThreshold);

    private static final List<LaneSetting<?>> ALL = List.of(ENABLED, DISPATCH_MODE, QUEUE_CAPACITY, MAX_DELAY,
            FAILURE_RATE_THRESHOLD,
            SLIDING_WINDOW_SIZE, MINIMUM_NUMBER_OF_CALLS, WAIT_DURATION_IN_OPEN_STATE,
            PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE, SLOW_CALL_DURATION_THRESHOLD);

    private final String name;

    private final Class<T> type;

    private final Function<@Nullable T, @Nullable String> rule;

    private final Function<LaneSettings, @Nullable T> getter;

    private final BiFunction<LaneSettings, T, LaneSettings> wither;

    private LaneSetting(String name, Class<T> type, Function<@Nullable T, @Nullable String> rule,
            Function<LaneSettings, @Nullable T> getter, BiFunction<LaneSettings, T, LaneSettings> wither) {
        this.name = name;
        this.type = type;
        this.rule = rule;
        this.getter = getter;
        this.wither = wither;
    }

    private static <T> LaneSetting<T> breaker(String name, Class<T> type, Function<@Nullable T, @Nullable String> rule,
            Function<CircuitBreakerSettings, T> getter, BiFunction<CircuitBreakerSettings, T, CircuitBreakerSettings> wither) {
        return new LaneSetting<>("circuit-breaker." + name, type, rule,
                (settings) -> getter.apply(settings.circuitBreaker()),
                (settings, value) -> settings.withCircuitBreaker(wither.apply(settings.circuitBreaker(), value)));
    }

    /** @return every setting of a lane */
    public static List<LaneSetting<?>> all() {
        return ALL;
    }

    /**
     * @param name a setting's name, such as {@code circuit-breaker.failure-rate-threshold}
     * @return the setting of that name, or empty
     */
    public static Optional<LaneSetting<?>> named(String name) {
        return ALL.stream().filter((setting) -> setting.name.equals(name)).findFirst();
    }

    /** @return the name, such as {@code circuit-breaker.failure-rate-threshold} */
    public String name() {
        return this.name;
    }

    /** @return the type of the setting's values */
    public Class<T> type() {
        return this.type;
    }

    /**
     * @param value a value
     * @return why the setting refuses the value, such as {@code "must be a number from 1 to 100"}, or {@code null}
     * when it accepts it
     */
    public @Nullable String refusal(@Nullable T value) {
        return this.rule.apply(value);
    }

    /**
     * @param value a value
     * @return the value
     * @throws IllegalArgumentException with a one-line reason that names the setting and the value, such as
     * {@code circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150}
     */
    public T require(T value) {
        String refusal = refusal(value);
        if (refusal != null) {
            throw new IllegalArgumentException(this.name + " " + refusal + ", not " + show(value));
        }
        return value;
    }

    /**
     * @param settings a lane's settings
     * @return this setting's value in them ({@code null} only for {@link #DISPATCH_MODE}: the adapter's preference)
     */
    public @Nullable T get(LaneSettings settings) {
        return this.getter.apply(settings);
    }

    /** @return the default: the value in {@link LaneSettings#DEFAULTS} */
    public @Nullable T defaultValue() {
        return get(LaneSettings.DEFAULTS);
    }

    /**
     * @param settings a lane's settings
     * @param value a new value for this setting ({@code null} only for {@link #DISPATCH_MODE}: the adapter's
     * preference)
     * @return the settings with that value
     * @throws IllegalArgumentException when the setting refuses the value (see {@link #require})
     */
    public LaneSettings with(LaneSettings settings, @Nullable T value) {
        if (value == null) {
            if (this != DISPATCH_MODE) {
                throw new IllegalArgumentException(this.name + " must have a value");
            }
            return settings.withDispatch(null);
        }
        return this.wither.apply(settings, require(value));
    }

    /**
     * @param value a value of a setting
     * @return the value as the settings' names show it: a duration as {@code 500ms}, {@code 10s} or {@code 2m}, a
     * whole float without its fraction, anything else as its text
     */
    public static String show(@Nullable Object value) {
        if (value instanceof Duration duration) {
            return showDuration(duration);
        }
        if (value instanceof Float number && number == Math.rint(number) && !Float.isInfinite(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static String showDuration(Duration duration) {
        long millis = duration.toMillis();
        if (!duration.equals(Duration.ofMillis(millis))) {
            return duration.toString();
        }
        long[] sizes = { 86_400_000, 3_600_000, 60_000, 1000 };
        String[] units = { "d", "h", "m", "s" };
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return (millis / sizes[i]) + units[i];
            }
        }
        return millis + "ms";
    }

    @Override
    public String toString() {
        return this.name;
    }
}
