package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityManagerCustomizer;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManagerBuilder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the OpenTelemetry traces adapter ({@value OpenTelemetryAdapter#NAME}) when
 * {@code micrometer-tracing-bridge-otel} and {@code opentelemetry-exporter-otlp} are on the classpath, the application
 * has an {@link OpenTelemetry} bean (Boot's SDK, configured with {@code management.opentelemetry.*} and
 * {@code management.tracing.*}, or its own) and Boot's {@code management.opentelemetry.enabled} (Boot 4.1) is not
 * {@code false}. The adapter never builds an SDK: without an {@link OpenTelemetry} bean it backs off, and the
 * conditions report says so. Manager spans take the ids of the SDK's spans, and the adapter's health follows the
 * SDK's export results. With {@code observability.opentelemetry.enabled} or
 * {@code observability.opentelemetry.traces.enabled} {@code false} the adapter starts switched off, and while it is
 * off (at start-up or at runtime) Boot's span exporters send nothing. Failed exports are reported in the application
 * log at most once per {@code observability.dispatch.failure-log-interval}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.tracing.otel.bridge.OtelTracer",
        "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter" })
@ConditionalOnSwitchesNotOff("observability.enabled")
@ConditionalOnBooleanProperty(name = "management.opentelemetry.enabled", matchIfMissing = true)
@ConditionalOnBean(OpenTelemetry.class)
@EnableConfigurationProperties(OpenTelemetryProperties.class)
public final class OpenTelemetryAutoConfiguration {

    /** The instrumentation scope of the manager's spans. */
    static final String INSTRUMENTATION_SCOPE = "dev.observability";

    @Bean
    @ConditionalOnMissingBean
    SpanExportAccount spanExportAccount(OpenTelemetryProperties openTelemetry,
            ObjectProvider<ObservabilityProperties> properties) {
        return new SpanExportAccount(
                new AdapterSwitch(OpenTelemetryAdapter.NAME, openTelemetry.startsOn(openTelemetry.getTraces())),
                failureLogInterval(properties));
    }

    @Bean
    AdapterSwitch openTelemetryTracesSwitch(SpanExportAccount account) {
        return account.adapterSwitch();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenTelemetrySpanContextSource openTelemetrySpanContextSource(OpenTelemetry openTelemetry,
            ObjectProvider<Tracer> micrometerTracer) {
        Tracer tracer = micrometerTracer.getIfUnique();
        return new OpenTelemetrySpanContextSource(openTelemetry.getTracer(INSTRUMENTATION_SCOPE),
                (tracer instanceof OtelTracer otelTracer) ? otelTracer : null);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenTelemetryAdapter openTelemetryAdapter(OpenTelemetry openTelemetry, SpanExportAccount account) {
        return new OpenTelemetryAdapter(openTelemetry.getTracer(INSTRUMENTATION_SCOPE), account);
    }

    @Bean
    ObservabilityManagerCustomizer openTelemetrySpanContextCustomizer(OpenTelemetrySpanContextSource source) {
        return (builder) -> builder.spanContextSource(source);
    }

    /**
     * @param properties the starter's properties, when bound
     * @return the shortest time between two reports of an adapter's failures
     */
    static Duration failureLogInterval(ObjectProvider<ObservabilityProperties> properties) {
        ObservabilityProperties observability = properties.getIfAvailable();
        return (observability != null) ? observability.getDispatch().getFailureLogInterval()
                : ObservabilityManagerBuilder.DEFAULT_FAILURE_LOG_INTERVAL;
    }

    /**
     * Counting what Boot's SDK exports.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters")
    static class BootSdkConfiguration {

        @Bean
        static CountingSpanExportersPostProcessor countingSpanExportersPostProcessor(
                ObjectProvider<SpanExportAccount> account) {
            return new CountingSpanExportersPostProcessor(account);
        }

        @Bean
        EndedSpanCounter observabilityEndedSpanCounter(SpanExportAccount account) {
            return new EndedSpanCounter(account);
        }
    }
}
