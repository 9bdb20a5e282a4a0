package dev.observability.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.observability.core.settings.Setting;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * One setting of the whole manager that changes at runtime, defined once: its name is the key under
 * {@code observability.} in a Spring Boot application ({@code logging.level}, {@code metrics.enabled}, ...) and the
 * one the {@code observability} endpoint reads and shows.
 *
 * @param <T> the type of the setting's values
 */
public final class ManagerSetting<T> extends Setting<ManagerSettings, T> {

    /** The least level of a log event the logging adapters receive. */
    public static final ManagerSetting<LogLevel> LOGGING_LEVEL = new ManagerSetting<>("logging.level",
            LogLevel.class, ManagerSettings::minimumLevel, ManagerSettings::withMinimumLevel);

    private static final List<ManagerSetting<Boolean>> SIGNALS = signals();

    private static final List<ManagerSetting<?>> ALL = list();

    private ManagerSetting(String name, Class<T> type, Function<ManagerSettings, @Nullable T> getter,
            BiFunction<ManagerSettings, T, ManagerSettings> wither) {
        super(name, type, false, null, getter, wither);
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
