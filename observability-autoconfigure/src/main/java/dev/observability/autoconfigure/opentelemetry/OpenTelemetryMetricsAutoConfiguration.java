package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
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
 * Auto-configures the {@link OpenTelemetryMetricsAdapter} on Boot's {@link OtlpMeterRegistry} when
 * {@code micrometer-registry-otlp} is on the classpath, Boot made the registry ({@code management.otlp.metrics.export.*}),
 * and neither {@code observability.opentelemetry.enabled} nor {@code observability.opentelemetry.metrics.enabled} is
 * {@code false}. The registry's {@link OtlpMetricsSender} bean is wrapped so that every publish's result reaches the
 * adapter's health; where Boot declares none (Boot 4.0), the adapter declares the one the registry would build for
 * itself.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration",
        "dev.observability.autoconfigure.ObservabilityAutoConfiguration" })
@ConditionalOnClass(OtlpMeterRegistry.class)
@ConditionalOnBean({ OtlpMeterRegistry.class, ObservabilityManager.class })
@ConditionalOnSwitchesNotOff({ "observability.opentelemetry.enabled", "observability.opentelemetry.metrics.enabled" })
@EnableConfigurationProperties(OpenTelemetryMetricsProperties.class)
public final class OpenTelemetryMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OtlpPublishAccount otlpPublishAccount() {
        return new OtlpPublishAccount();
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
