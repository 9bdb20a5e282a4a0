package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OpenTelemetryAutoConfigurationTests {

    /** Boot 4.1's condition on {@code management.opentelemetry.enabled}: present from Boot 4.1 on. */
    private static final String BOOT_41_SWITCH = "org.springframework.boot.opentelemetry.autoconfigure."
            + "ConditionalOnEnabledOpenTelemetry";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class));

    private final ApplicationContextRunner withBootSdk = this.runner
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
        .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    void backsOffWithoutTheMicrometerOpenTelemetryBridge() {
        this.withBootSdk.withClassLoader(new FilteredClassLoader(OtelTracer.class))
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryAdapter.class));
    }

    @Test
    void backsOffWithoutTheOtlpExporter() {
        this.withBootSdk.withClassLoader(new FilteredClassLoader(OtlpHttpSpanExporter.class))
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryAdapter.class));
    }

    @Test
    void startsSwitchedOffWhenTracesAreSwitchedOffByProperty() {
        this.withBootSdk.withPropertyValues("observability.opentelemetry.traces.enabled=false")
            .run(OpenTelemetryAutoConfigurationTests::registeredSwitchedOff);
    }

    @Test
    void startsSwitchedOffWhenOpenTelemetryIsSwitchedOffByProperty() {
        this.withBootSdk.withPropertyValues("observability.opentelemetry.enabled=false")
            .run(OpenTelemetryAutoConfigurationTests::registeredSwitchedOff);
    }

    private static void registeredSwitchedOff(AssertableApplicationContext context) {
        assertThat(context).hasSingleBean(OpenTelemetry.class).hasSingleBean(OpenTelemetryAdapter.class);
        ObservabilityManager manager = context.getBean(ObservabilityManager.class);
        assertThat(manager.controls().adapter(OpenTelemetryAdapter.NAME).orElseThrow().configuredEnabled()).isFalse();
        assertThat(context.getBean(OpenTelemetryAdapter.class).exports().adapterSwitch().isOn()).isFalse();
        manager.controls().setEnabled(OpenTelemetryAdapter.NAME, true);
        assertThat(context.getBean(OpenTelemetryAdapter.class).exports().adapterSwitch().isOn()).isTrue();
    }

    @Test
    void backsOffWithoutAnOpenTelemetryBeanAndTheConditionsReportSaysWhy() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OpenTelemetry.class)
                .doesNotHaveBean(OpenTelemetryAdapter.class).doesNotHaveBean(OpenTelemetryAutoConfiguration.EXPORTS);
            assertThat(context.getBean(ObservabilityManager.class).controls()
                .adapter(OpenTelemetryAdapter.NAME)).isEmpty();
            ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
                .getConditionAndOutcomesBySource().get(OpenTelemetryAutoConfiguration.class.getName());
            assertThat(outcomes.isFullMatch()).isFalse();
            assertThat(outcomes).filteredOn((outcome) -> !outcome.getOutcome().isMatch())
                .singleElement()
                .extracting((outcome) -> outcome.getOutcome().getMessage())
                .as("the line docs/opentelemetry.md shows")
                .isEqualTo("@ConditionalOnBean (types: io.opentelemetry.api.OpenTelemetry; SearchStrategy: all) "
                        + "did not find any beans of type io.opentelemetry.api.OpenTelemetry");
        });
    }

    @Test
    void backsOffWhenTheStarterIsSwitchedOff() {
        this.withBootSdk.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).hasSingleBean(OpenTelemetry.class)
                .doesNotHaveBean(OpenTelemetryAdapter.class)
                .doesNotHaveBean(OpenTelemetryAutoConfiguration.EXPORTS));
    }

    @Test
    void backsOffWhenBootsOpenTelemetryIsSwitchedOff() {
        assumeTrue(ClassUtils.isPresent(BOOT_41_SWITCH, null),
                "management.opentelemetry.enabled is a Boot 4.1 key: Boot 4.0 has no switch for its SDK");
        this.withBootSdk.withPropertyValues("management.opentelemetry.enabled=false").run((context) -> {
            assertThat(context).as("Boot 4.1 keeps a disabled SDK for propagation").hasSingleBean(OpenTelemetry.class)
                .doesNotHaveBean(OpenTelemetryAdapter.class);
            assertThat(context.getBean(ObservabilityManager.class).controls()
                .adapter(OpenTelemetryAdapter.NAME)).isEmpty();
        });
    }

    @Test
    void usesTheApplicationsOwnOpenTelemetryBean() {
        ExportOutcomes endedInTheApplicationsSdk = SwitchedOnExports.spans();
        OpenTelemetrySdk own = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(new EndedSpanCounter(endedInTheApplicationsSdk))
                .build())
            .build();
        this.runner.withBean(OpenTelemetry.class, () -> own).run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetry.class).hasSingleBean(OpenTelemetryAdapter.class);
            context.getBean(ObservabilityManager.class).startSpan("load").close();
            assertThat(endedInTheApplicationsSdk.handedOver()).isEqualTo(1);
        });
        own.close();
    }

    @Test
    void reportsSpansAsNotExportedWhereBootConfiguresNoExporter() {
        this.withBootSdk.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.startSpan("load").close();
            manager.controls().runHealthChecks();
            AdapterHealth health = manager.controls().adapter(OpenTelemetryAdapter.NAME).orElseThrow().health();
            assertThat(health.status()).isEqualTo(HealthStatus.UP);
            assertThat(health.message()).isEqualTo("no span exporter is configured: nothing is exported");
            assertThat(health.details()).containsEntry("spans.ended", 1L).containsEntry("spans.without_exporter", 1L);
            assertThat(health.exports()).isEqualTo(new ExportCounts("spans", 0, 0, 0, 0));
        });
    }

    @Test
    void usesBootsSdkAndNeverBuildsASecondOne() {
        this.withBootSdk.run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetry.class);
            assertThat(context.getBean(ObservabilityManager.class).controls()
                .adapter(OpenTelemetryAdapter.NAME)).isPresent();
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
    void usersAdapterBeanWins() {
        this.withBootSdk.withBean("myAdapter", OpenTelemetryAdapter.class,
                () -> new OpenTelemetryAdapter(OpenTelemetry.noop().getTracer("mine"), SwitchedOnExports.spans()))
            .run((context) -> assertThat(context).hasSingleBean(OpenTelemetryAdapter.class).hasBean("myAdapter"));
    }
}
