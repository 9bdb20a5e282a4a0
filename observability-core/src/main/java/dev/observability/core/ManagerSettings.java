package dev.observability.core;

import java.util.Set;

import dev.observability.core.settings.Switches;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;

/**
 * The settings of the whole manager that change at runtime ({@link ManagerSetting} names each): the minimum level of
 * the log events routed to the logging adapters, and the signals routed at all.
 *
 * @param minimumLevel the least level of a log event the logging adapters receive
 * @param disabledSignals the signals the manager routes to no adapter
 */
public record ManagerSettings(LogLevel minimumLevel, Set<Signal> disabledSignals) {

    /** Level INFO, every signal routed: the builder's defaults. */
    public static final ManagerSettings DEFAULTS = new ManagerSettings(LogLevel.INFO, Set.of());

    /**
     * Copies the signals so the record stays immutable.
     */
    public ManagerSettings {
        ManagerSetting.LOGGING_LEVEL.require(minimumLevel);
        disabledSignals = Switches.copyOf(Signal.class, disabledSignals);
    }

    /**
     * @param signal a signal
     * @return whether the manager routes it
     */
    public boolean isSignalEnabled(Signal signal) {
        return !this.disabledSignals.contains(signal);
    }

    /**
     * @param level a minimum level
     * @return these settings with that level
     */
    public ManagerSettings withMinimumLevel(LogLevel level) {
        return new ManagerSettings(level, this.disabledSignals);
    }

    /**
     * @param signal a signal
     * @param on whether the manager routes it
     * @return these settings with that signal switched on or off
     */
    public ManagerSettings withSignal(Signal signal, boolean on) {
        Set<Signal> off = Switches.with(Signal.class, this.disabledSignals, signal, on);
        return new ManagerSettings(this.minimumLevel, off);
    }
}
