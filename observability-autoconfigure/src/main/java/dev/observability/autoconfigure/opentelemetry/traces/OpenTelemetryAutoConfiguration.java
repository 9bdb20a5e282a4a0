package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityManagerCustomizer;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.autoconfigure.opentelemetry.CountingPostProcessor;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.FailureLogInterval;
import dev.observability.autoconfigure.opentelemetry.OpenTelemetryProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
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

    /** The name of the bean of the traces' {@link ExportOutcomes}. */
    static final String EXPORTS = "openTelemetryTracesExports";

    @Bean(EXPORTS)
    @ConditionalOnMissingBean(name = EXPORTS)
    ExportOutcomes openTelemetryTracesExports(OpenTelemetryProperties openTelemetry,
            ObjectProvider<ObservabilityProperties> properties) {
        return ExportOutcomes.ofSpans(
                new AdapterSwitch(OpenTelemetryAdapter.NAME, openTelemetry.startsOn(openTelemetry.getTraces())),
                FailureLogInterval.of(properties));
    }

    @Bean
    AdapterSwitch openTelemetryTracesSwitch(@Qualifier(EXPORTS) ExportOutcomes exports) {
        return exports.adapterSwitch();
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
    OpenTelemetryAdapter openTelemetryAdapter(OpenTelemetry openTelemetry, @Qualifier(EXPORTS) ExportOutcomes exports) {
        return new OpenTelemetryAdapter(openTelemetry.getTracer(INSTRUMENTATION_SCOPE), exports);
    }

    @Bean
    ObservabilityManagerCustomizer openTelemetrySpanContextCustomizer(OpenTelemetrySpanContextSource source) {
        return (builder) -> builder.spanContextSource(source);
    }

    /**
     * The trace sampling probability that changes at runtime: Boot's default sampler wrapped in a
     * {@link ChangeableRatioSampler}, handed to the manager as its {@code tracing.sampling.probability}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties")
    static class TraceSamplingConfiguration {

        @Bean
        static ChangeableSamplerPostProcessor changeableSamplerPostProcessor(
                ObjectProvider<TracingProperties> tracing) {
            return new ChangeableSamplerPostProcessor(tracing);
        }

        @Bean
        ObservabilityManagerCustomizer openTelemetryTraceSamplingCustomizer(ObjectProvider<Sampler> sampler) {
            return (builder) -> {
                if (sampler.getIfUnique() instanceof ChangeableRatioSampler changeable) {
                    builder.traceSampling(changeable);
                }
            };
        }
    }

    /**
     * Counting what Boot's SDK exports: each exporter in Boot's {@link SpanExporters} (OTLP, Zipkin, the
     * application's own) is wrapped in a {@link CountingSpanExporter}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters")
    static class BootSdkConfiguration {

        @Bean
        static CountingPostProcessor<SpanExporters> countingSpanExportersPostProcessor(
                @Qualifier(EXPORTS) ObjectProvider<ExportOutcomes> exports) {
            return new CountingPostProcessor<>(SpanExporters.class, (exporters, outcomes) -> SpanExporters
                .of(exporters.list().stream().map((exporter) -> counting(exporter, outcomes)).toList()), exports);
        }

        @Bean
        EndedSpanCounter observabilityEndedSpanCounter(@Qualifier(EXPORTS) ExportOutcomes exports) {
            return new EndedSpanCounter(exports);
        }

        private static SpanExporter counting(SpanExporter exporter, ExportOutcomes outcomes) {
            return (exporter instanceof CountingSpanExporter) ? exporter : new CountingSpanExporter(exporter, outcomes);
        }
    }
}
