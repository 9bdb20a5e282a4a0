package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTelemetryAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class));

    private final ApplicationContextRunner withBootSdk = this.runner
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
        .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    void backsOffWithoutTheMicrometerOpenTelemetryBridge() {
        this.runner.withClassLoader(new FilteredClassLoader(OtelTracer.class))
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryAdapter.class));
    }

    @Test
    void backsOffWithoutTheOtlpExporter() {
        this.runner.withClassLoader(new FilteredClassLoader(OtlpHttpSpanExporter.class))
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryAdapter.class));
    }

    @Test
    void isOffWhenDisabledByProperty() {
        this.runner.withPropertyValues("observability.opentelemetry.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryAdapter.class)
                .doesNotHaveBean(OpenTelemetry.class));
    }

    @Test
    void usesBootsSdkAndNeverBuildsASecondOne() {
        this.withBootSdk.run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetry.class).doesNotHaveBean("observabilityOpenTelemetrySdk");
            assertThat(context.getBean(ObservabilityManager.class).adapter(OpenTelemetryAdapter.NAME)).isPresent();
            io.opentelemetry.api.trace.Span bootSpan = context.getBean(OpenTelemetry.class)
                .getTracer("test").spanBuilder("GET /orders").startSpan();
            try (io.opentelemetry.context.Scope scope = bootSpan.makeCurrent();
                    Span managerSpan = context.getBean(ObservabilityManager.class).startSpan("load")) {
                assertThat(managerSpan.context().traceId()).isEqualTo(bootSpan.getSpanContext().getTraceId());
                assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
                    .isEqualTo(managerSpan.context().spanId());
                assertThat(context.getBean(OtelTracer.class).currentSpan().context().spanId())
                    .isEqualTo(managerSpan.context().spanId());
            }
            assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).isFalse();
        });
    }

    @Test
    void buildsItsOwnSdkOnlyWhenTheApplicationHasNone() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetrySdk.class).hasBean("observabilityOpenTelemetrySdk");
            assertThat(context.getBean(ObservabilityManager.class).adapter(OpenTelemetryAdapter.NAME)).isPresent();
        });
    }

    @Test
    void usersAdapterBeanWins() {
        this.runner.withBean("myAdapter", OpenTelemetryAdapter.class,
                () -> new OpenTelemetryAdapter(OpenTelemetry.noop().getTracer("mine"), new SpanExportAccount()))
            .run((context) -> assertThat(context).hasSingleBean(OpenTelemetryAdapter.class).hasBean("myAdapter"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "sampling-probability=1.5 | from 0.0 to 1.0",
            "protocol=thrift | http/protobuf or grpc", "timeout=0s | a positive duration",
            "endpoint=localhost:4318 | an http:// or https:// URL" })
    void invalidSettingFailsTheStartNamingThePropertyAndTheFix(String setting, String requirement) {
        this.runner.withPropertyValues("observability.opentelemetry." + setting)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("observability.opentelemetry." + setting.substring(0, setting.indexOf('=')))
                .hasMessageContaining(requirement));
    }
}
