package dev.observability.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.observability.autoconfigure.validation.InvalidObservabilityConfigurationException;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.ObservabilityAdapter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds the manager from the properties (which Boot validated as it bound them), the adapter and health check beans
 * and the customizers, after checking that no two adapters share a name.
 */
final class ObservabilityManagerAssembler {

    private static final Log logger = LogFactory.getLog(ObservabilityManagerAssembler.class);

    private final ObservabilityProperties properties;

    ObservabilityManagerAssembler(ObservabilityProperties properties) {
        this.properties = properties;
    }

    /**
     * @param adapters the adapter beans, in order
     * @param switches the adapters' own switches: an adapter whose switch is off starts switched off
     * @param healthChecks the health check beans
     * @param customizers the customizers, in order
     * @param breakerFactory makes the lanes' circuit breakers
     * @return the manager, not started
     * @throws InvalidObservabilityConfigurationException when two adapters share a name or the builder refuses one
     */
    ObservabilityManager assemble(List<ObservabilityAdapter> adapters, List<AdapterSwitch> switches,
            List<HealthCheck> healthChecks, List<ObservabilityManagerCustomizer> customizers,
            CircuitBreakerFactory breakerFactory) {
        Map<String, ObservabilityAdapter> byName = uniqueNames(adapters);
        warnAboutUnmatchedOverrides(byName.keySet());
        ConfiguredSettings configured = new ConfiguredSettings(this.properties, switches);
        ManagerSettings managerSettings = configured.manager(null);
        ObservabilityManagerBuilder builder = ObservabilityManager.builder()
            .defaultLaneSettings(configured.laneDefaults())
            .circuitBreakerFactory(breakerFactory)
            .shutdownTimeout(this.properties.getDispatch().getShutdownTimeout())
            // Through Commons Logging: Boot removes its JUL bridge when the context closes, before the manager stops.
            .shutdownSummaryLog(LogFactory.getLog(ObservabilityManager.class)::info)
            .failureLogInterval(this.properties.getDispatch().getFailureLogInterval())
            .minimumLevel(managerSettings.minimumLevel())
            .healthSettings(healthSettings(this.properties.getHealth()))
            .redaction(redaction(this.properties.getRedaction()));
        managerSettings.disabledSignals().forEach((signal) -> builder.signalEnabled(signal, false));
        byName.forEach((name, adapter) -> builder.adapter(adapter, configured.lane(name)));
        healthChecks.forEach(builder::healthCheck);
        customizers.forEach((customizer) -> customizer.customize(builder));
        ObservabilityManager manager;
        try {
            manager = builder.build();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidObservabilityConfigurationException("The observability manager cannot be built: "
                    + ex.getMessage() + ".", "Fix the adapter or health check bean named in the message.");
        }
        manager.controls()
            .onAdapterRegistered((lane) -> switches.forEach((adapterSwitch) -> adapterSwitch.follow(lane)));
        return manager;
    }

    /** The health properties on the core's defaults: an unset property is the core's default. */
    private static HealthSettings healthSettings(ObservabilityProperties.Health health) {
        HealthSettings defaults = HealthSettings.DEFAULTS;
        return new HealthSettings((health.getInterval() != null) ? health.getInterval() : defaults.interval(),
                (health.getTimeout() != null) ? health.getTimeout() : defaults.timeout(),
                (health.getFailureThreshold() != null) ? health.getFailureThreshold() : defaults.failureThreshold());
    }

    private static Redaction redaction(ObservabilityProperties.Redaction properties) {
        return properties.isEnabled() ? Redaction.of(properties.getSensitiveWords()) : Redaction.disabled();
    }

    private static Map<String, ObservabilityAdapter> uniqueNames(List<ObservabilityAdapter> adapters) {
        Map<String, ObservabilityAdapter> byName = new LinkedHashMap<>();
        for (ObservabilityAdapter adapter : adapters) {
            ObservabilityAdapter previous = byName.putIfAbsent(adapter.name(), adapter);
            if (previous != null) {
                throw new InvalidObservabilityConfigurationException("Two adapter beans are named '" + adapter.name()
                        + "': " + previous.getClass().getName() + " and " + adapter.getClass().getName()
                        + ". Adapter names must be unique.",
                        "Give one of them another name() (names are used in observability.adapters.<name>.*), "
                                + "or remove one of the beans.");
            }
        }
        return byName;
    }

    private void warnAboutUnmatchedOverrides(Set<String> adapterNames) {
        for (String name : this.properties.getAdapters().keySet()) {
            if (!adapterNames.contains(name)) {
                logger.warn("observability.adapters." + name + ".* is ignored: no adapter bean is named '" + name + "'. "
                        + (adapterNames.isEmpty() ? "There are no adapter beans."
                                : "Adapter beans: " + String.join(", ", new TreeSet<>(adapterNames)) + "."));
            }
        }
    }
}
