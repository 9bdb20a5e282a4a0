package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link PrometheusMetricsAdapter} on Boot's {@link PrometheusMeterRegistry} when
 * {@code micrometer-registry-prometheus} is on the classpath, Boot made the registry, and
 * {@code observability.prometheus.enabled} is not {@code false}. The manager registers the adapter like any other
 * adapter bean.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "dev.observability.autoconfigure.ObservabilityAutoConfiguration" })
@ConditionalOnClass(PrometheusMeterRegistry.class)
@ConditionalOnBean({ PrometheusMeterRegistry.class, ObservabilityManager.class })
@ConditionalOnSwitchesNotOff("observability.prometheus.enabled")
@EnableConfigurationProperties(PrometheusAdapterProperties.class)
public final class PrometheusAdapterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PrometheusMetricsAdapter prometheusMetricsAdapter(PrometheusMeterRegistry registry,
            PrometheusAdapterProperties properties) {
        return new PrometheusMetricsAdapter(registry, properties.toSettings());
    }
}
