package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link OpenTelemetryMetricsAdapter} ({@value OpenTelemetryMetricsAdapter#NAME}) on Boot's
 * {@link OtlpMeterRegistry} when {@code micrometer-registry-otlp} is on the classpath and Boot made the registry
 * ({@code management.otlp.metrics.export.*}). The registry's {@link OtlpMetricsSender} bean is wrapped so that every
 * publish's result reaches the adapter's health and failed publishes are reported at most once per
 * {@code observability.dispatch.failure-log-interval}; where Boot declares none (Boot 4.0), the adapter declares the
 * one the registry would build for itself. With {@code observability.opentelemetry.enabled} or
 * {@code observability.opentelemetry.metrics.enabled} {@code false} the adapter starts switched off, and while it is
 * off (at start-up or at runtime) the registry's pushes are not sent.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration",
        "dev.observability.autoconfigure.ObservabilityAutoConfiguration" })
@ConditionalOnClass(OtlpMeterRegistry.class)
@ConditionalOnBean({ OtlpMeterRegistry.class, ObservabilityManager.class })
@EnableConfigurationProperties({ OpenTelemetryProperties.class, OpenTelemetryMetricsProperties.class })
public final class OpenTelemetryMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OtlpPublishAccount otlpPublishAccount(OpenTelemetryProperties openTelemetry,
            OpenTelemetryMetricsProperties metrics, ObjectProvider<ObservabilityProperties> properties) {
        return new OtlpPublishAccount(
                new AdapterSwitch(OpenTelemetryMetricsAdapter.NAME, openTelemetry.isEnabled() && metrics.isEnabled()),
                OpenTelemetryAutoConfiguration.failureLogInterval(properties));
    }

    @Bean
    AdapterSwitch openTelemetryMetricsSwitch(OtlpPublishAccount account) {
        return account.adapterSwitch();
    }

    @Bean
    static CountingOtlpMetricsSenderPostProcessor countingOtlpMetricsSenderPostProcessor(
            ObjectProvider<OtlpPublishAccount> account) {
        return new CountingOtlpMetricsSenderPostProcessor(account);
    }

    /** The sender the registry builds when given none, declared so that its results are counted too. */
    @Bean
    @ConditionalOnMissingBean(OtlpMetricsSender.class)
    OtlpHttpMetricsSender otlpMetricsSender() {
        return new OtlpHttpMetricsSender(new HttpUrlConnectionSender());
    }

    @Bean
    @ConditionalOnMissingBean
    OpenTelemetryMetricsAdapter openTelemetryMetricsAdapter(OtlpMeterRegistry registry,
            OpenTelemetryMetricsProperties properties, OtlpPublishAccount publishes) {
        return new OpenTelemetryMetricsAdapter(registry, properties.toSettings(), publishes);
    }
}
