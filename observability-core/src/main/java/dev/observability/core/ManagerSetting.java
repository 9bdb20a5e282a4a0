package dev.observability.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.observability.core.settings.Range;
import dev.observability.core.settings.Setting;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * One setting of the whole manager that changes at runtime, defined once: its name is the key under
 * {@code observability.} in a Spring Boot application ({@code logging.level}, {@code metrics.enabled}, ...), but for
 * {@code tracing.sampling.probability}, which is Boot's {@code management.tracing.sampling.probability}; the
 * {@code observability} endpoint reads and shows it by its name.
 *
 * @param <T> the type of the setting's values
 */
public final class ManagerSetting<T> extends Setting<ManagerSettings, T> {

    /** The least level of a log event the logging adapters receive. */
    public static final ManagerSetting<LogLevel> LOGGING_LEVEL = new ManagerSetting<>("logging.level",
            LogLevel.class, ManagerSettings::minimumLevel, ManagerSettings::withMinimumLevel);

    /**
     * The probability of sampling a trace that has no sampled parent (a child follows its parent's decision), with
     * the manager's {@code TraceSampling}; without one it has no value and refuses a change.
     */
    public static final ManagerSetting<Float> SAMPLING_PROBABILITY = new ManagerSetting<>(
            "tracing.sampling.probability", "management.tracing.sampling.probability", Float.class, true,
            Range.numbers(0f, 1f), ManagerSettings::samplingProbability, ManagerSettings::withSamplingProbability);

    private static final List<ManagerSetting<Boolean>> SIGNALS = signals();

    private static final List<ManagerSetting<?>> ALL = list();

    private final String property;

    private ManagerSetting(String name, Class<T> type, Function<ManagerSettings, @Nullable T> getter,
            BiFunction<ManagerSettings, T, ManagerSettings> wither) {
        this(name, "observability." + name, type, false, null, getter, wither);
    }

    private ManagerSetting(String name, String property, Class<T> type, boolean nullable, @Nullable Range<T> range,
            Function<ManagerSettings, @Nullable T> getter, BiFunction<ManagerSettings, T, ManagerSettings> wither) {
        super(name, type, nullable, range, getter, wither);
        this.property = property;
    }

    /**
     * @return the property that configures it in a Spring Boot application, such as
     * {@code observability.logging.level}
     */
    public String property() {
        return this.property;
    }

    private static List<ManagerSetting<Boolean>> signals() {
        List<ManagerSetting<Boolean>> signals = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            signals.add(new ManagerSetting<>(signal.tagValue() + ".enabled", Boolean.class,
                    (settings) -> settings.isSignalEnabled(signal), (settings, on) -> settings.withSignal(signal, on)));
        }
        return Collections.unmodifiableList(signals);
    }

    private static List<ManagerSetting<?>> list() {
        List<ManagerSetting<?>> all = new ArrayList<>(SIGNALS);
        // each group's settings together, in the order the endpoint shows them
        all.add(all.indexOf(signal(Signal.TRACING)) + 1, SAMPLING_PROBABILITY);
        all.add(LOGGING_LEVEL);
        return Collections.unmodifiableList(all);
    }

    /**
     * @param signal a signal
     * @return its switch, {@code <signal>.enabled}: whether the manager routes it to the adapters
     */
    public static ManagerSetting<Boolean> signal(Signal signal) {
        return SIGNALS.get(signal.ordinal());
    }

    public static List<ManagerSetting<?>> all() {
        return ALL;
    }

    /**
     * @param name a setting's name, such as {@code logging.level}
     * @return the setting of that name, or empty
     */
    public static Optional<ManagerSetting<?>> named(String name) {
        return ALL.stream().filter((setting) -> setting.name().equals(name)).findFirst();
    }
}
