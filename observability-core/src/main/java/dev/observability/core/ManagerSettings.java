package dev.observability.core;

import java.util.Set;

import dev.observability.core.settings.Switches;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.tracing.TraceSampling;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the whole manager that change at runtime ({@link ManagerSetting} names each): the minimum level of
 * the log events routed to the logging adapters, the signals routed at all, and the probability of sampling a trace.
 *
 * @param minimumLevel the least level of a log event the logging adapters receive
 * @param disabledSignals the signals the manager routes to no adapter
 * @param samplingProbability the probability of sampling a trace that has no sampled parent, or {@code null} when the
 * manager has no {@link TraceSampling} to change
 */
public record ManagerSettings(LogLevel minimumLevel, Set<Signal> disabledSignals, @Nullable Float samplingProbability) {

    /** Level INFO, every signal routed, no trace sampling: the builder's defaults. */
    public static final ManagerSettings DEFAULTS = new ManagerSettings(LogLevel.INFO, Set.of(), null);

    /**
     * Copies the signals so the record stays immutable.
     */
    public ManagerSettings {
        ManagerSetting.LOGGING_LEVEL.require(minimumLevel);
        if (samplingProbability != null) {
            ManagerSetting.SAMPLING_PROBABILITY.require(samplingProbability);
        }
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
        return new ManagerSettings(level, this.disabledSignals, this.samplingProbability);
    }

    /**
     * @param signal a signal
     * @param on whether the manager routes it
     * @return these settings with that signal switched on or off
     */
    public ManagerSettings withSignal(Signal signal, boolean on) {
        Set<Signal> off = Switches.with(Signal.class, this.disabledSignals, signal, on);
        return new ManagerSettings(this.minimumLevel, off, this.samplingProbability);
    }

    /**
     * @param probability a probability of sampling a trace, or {@code null} for none
     * @return these settings with that probability
     */
    public ManagerSettings withSamplingProbability(@Nullable Float probability) {
        return new ManagerSettings(this.minimumLevel, this.disabledSignals, probability);
    }
}
