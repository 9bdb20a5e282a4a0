package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;

import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configures the Micrometer bridge: a {@link MicrometerBridgeRegistry} that Boot joins to its composite meter
 * registry (it runs before Boot's composite configuration, and after the export configurations so Boot still makes
 * its own registries), connected to the manager once the context is ready. Only when it would feed an adapter: while
 * every metrics adapter reads Micrometer natively (the Prometheus and OTLP metrics adapters record into Boot's own
 * registries) there is no bridge, and Boot's registry stays the application's as without the starter (see
 * {@link OnMetricsAdapterToBridgeCondition}). Off with
 * {@code observability.metrics.micrometer-bridge.enabled=false} or {@code observability.metrics.enabled=false}.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                "dev.observability.autoconfigure.ObservabilityAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(ObservabilityManager.class)
@ConditionalOnSwitchesNotOff("observability.metrics.micrometer-bridge.enabled")
@EnableConfigurationProperties(MicrometerBridgeProperties.class)
public final class MicrometerBridgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSwitchesNotOff("observability.metrics.enabled")
    @Conditional(OnMetricsAdapterToBridgeCondition.class)
    MicrometerBridgeRegistry micrometerBridgeRegistry(ObjectProvider<Clock> clock,
            MicrometerBridgeProperties properties) {
        return new MicrometerBridgeRegistry(clock.getIfAvailable(() -> Clock.SYSTEM), properties.getSampleInterval());
    }

    @Bean
    @ConditionalOnBean(MicrometerBridgeRegistry.class)
    MicrometerBridgeConnector micrometerBridgeConnector(MicrometerBridgeRegistry registry,
            ObjectProvider<ObservabilityManager> manager) {
        return new MicrometerBridgeConnector(registry, manager);
    }
}
