package dev.observability.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.observability.core.ManagerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The settings that change at runtime as the properties configure them: each adapter's lane (its
 * {@code observability.adapters.<name>.*} on the defaults of every lane, switched off when the adapter's own
 * {@link AdapterSwitch} is off) and the manager's. The manager is built with them at start-up, and a refresh of the
 * configuration sets them again.
 */
public final class ConfiguredSettings {

    private final ObservabilityProperties properties;

    private final List<AdapterSwitch> switches;

    private final LaneSettings laneDefaults;

    /**
     * @param properties the properties, validated as Boot binds them
     * @param switches the adapters' own switches
     */
    public ConfiguredSettings(ObservabilityProperties properties, List<AdapterSwitch> switches) {
        this.properties = properties;
        this.switches = switches;
        this.laneDefaults = LaneProperties.defaults(properties);
    }

    /** @return the settings of a lane without overrides */
    LaneSettings laneDefaults() {
        return this.laneDefaults;
    }

    /**
     * @param adapterName an adapter's name
     * @return its lane's settings as configured
     */
    public LaneSettings lane(String adapterName) {
        ObservabilityProperties.Adapter adapter = this.properties.getAdapters().get(adapterName);
        LaneSettings settings = (adapter != null) ? LaneProperties.forAdapter(this.laneDefaults, adapter)
                : this.laneDefaults;
        return switchedOffByItsOwnSwitch(adapterName) ? settings.withEnabled(false) : settings;
    }

    private boolean switchedOffByItsOwnSwitch(String adapterName) {
        return this.switches.stream()
            .anyMatch((adapterSwitch) -> adapterSwitch.adapterName().equals(adapterName)
                    && !adapterSwitch.configuredOn());
    }

    /**
     * @param samplingProbability the trace sampling's configured probability, or {@code null} when the manager has
     * no trace sampling
     * @return the manager's settings as configured
     */
    public ManagerSettings manager(@Nullable Float samplingProbability) {
        Set<Signal> off = EnumSet.noneOf(Signal.class);
        addIfOff(off, Signal.METRICS, this.properties.getMetrics().isEnabled());
        addIfOff(off, Signal.TRACING, this.properties.getTracing().isEnabled());
        addIfOff(off, Signal.HEALTH, this.properties.getHealth().isEnabled());
        addIfOff(off, Signal.LOGGING, this.properties.getLogging().isEnabled());
        return new ManagerSettings(this.properties.getLogging().getLevel(), off, samplingProbability);
    }

    private static void addIfOff(Set<Signal> off, Signal signal, boolean enabled) {
        if (!enabled) {
            off.add(signal);
        }
    }
}
