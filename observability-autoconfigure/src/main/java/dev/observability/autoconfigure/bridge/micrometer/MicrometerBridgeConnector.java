package dev.observability.autoconfigure.bridge.micrometer;

import dev.observability.autoconfigure.adapter.MicrometerNative;
import dev.observability.core.ObservabilityManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Connects the {@link MicrometerBridgeRegistry} to the manager once every singleton exists. The registry cannot take
 * the manager in its constructor: Boot's composite registry needs the bridge, and the manager's adapters may need
 * the composite.
 */
final class MicrometerBridgeConnector implements SmartInitializingSingleton {

    private final MicrometerBridgeRegistry registry;

    private final ObjectProvider<ObservabilityManager> manager;

    MicrometerBridgeConnector(MicrometerBridgeRegistry registry, ObjectProvider<ObservabilityManager> manager) {
        this.registry = registry;
        this.manager = manager;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ObservabilityManager found = this.manager.getIfUnique();
        if (found != null) {
            this.registry.connect(found.metricsFeed((adapter) -> !(adapter instanceof MicrometerNative)),
                    (name) -> found.controls().adapter(name).isPresent());
        }
    }
}
