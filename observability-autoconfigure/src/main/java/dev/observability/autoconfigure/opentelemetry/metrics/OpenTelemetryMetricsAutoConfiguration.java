package dev.observability.autoconfigure.opentelemetry.metrics;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.opentelemetry.CountingPostProcessor;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.FailureLogInterval;
import dev.observability.autoconfigure.opentelemetry.OpenTelemetryProperties;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /** The name of the bean of the metrics' {@link ExportOutcomes}. */
    static final String EXPORTS = "openTelemetryMetricsExports";

    @Bean(EXPORTS)
    @ConditionalOnMissingBean(name = EXPORTS)
    ExportOutcomes openTelemetryMetricsExports(OpenTelemetryProperties openTelemetry,
            OpenTelemetryMetricsProperties metrics, ObjectProvider<ObservabilityProperties> properties) {
        return ExportOutcomes.ofMetricsPublishes(
                new AdapterSwitch(OpenTelemetryMetricsAdapter.NAME, openTelemetry.isEnabled() && metrics.isEnabled()),
                FailureLogInterval.of(properties));
    }

    @Bean
    AdapterSwitch openTelemetryMetricsSwitch(@Qualifier(EXPORTS) ExportOutcomes exports) {
        return exports.adapterSwitch();
    }

    /**
     * Wraps the application's {@link OtlpMetricsSender} bean (Boot's, configured with
     * {@code management.otlp.metrics.export.*}, or the application's own) in a {@link CountingOtlpMetricsSender}.
     */
    @Bean
    static CountingPostProcessor<OtlpMetricsSender> countingOtlpMetricsSenderPostProcessor(
            @Qualifier(EXPORTS) ObjectProvider<ExportOutcomes> exports) {
        return new CountingPostProcessor<>(OtlpMetricsSender.class,
                (sender, outcomes) -> (sender instanceof CountingOtlpMetricsSender) ? sender
                        : new CountingOtlpMetricsSender(sender, outcomes),
                exports);
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
            OpenTelemetryMetricsProperties properties, @Qualifier(EXPORTS) ExportOutcomes publishes) {
        return new OpenTelemetryMetricsAdapter(registry, properties.toSettings(), publishes);
    }
}
