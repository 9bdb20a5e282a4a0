package dev.observability.autoconfigure.bridge.observation;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter.RecordedSpan;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Signal;
import dev.observability.core.tracing.Span;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationBridgeAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                ObservabilityAutoConfiguration.class, ObservationBridgeAutoConfiguration.class))
        .withBean("custom", BridgeRecordingAdapter.class, () -> new BridgeRecordingAdapter("custom"));

    private final ApplicationContextRunner withOpenTelemetry = this.runner
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class))
        .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    void eachObservationReachesACustomTracingAdapterOnceWithItsKeyValuesEventsAndError() {
        this.runner.run((context) -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            BridgeRecordingAdapter custom = context.getBean(BridgeRecordingAdapter.class);
            Observation observation = Observation.createNotStarted("orders.load", registry)
                .contextualName("load orders")
                .lowCardinalityKeyValue("region", "eu")
                .highCardinalityKeyValue("order.id", "42")
                .start();
            observation.event(Observation.Event.of("cache.miss"));
            observation.error(new IllegalStateException("db down"));
            observation.stop();
            assertThat(custom.spans()).hasSize(1);
            RecordedSpan span = custom.spans().get(0);
            assertThat(span.start().name()).isEqualTo("load orders");
            assertThat(span.start().attributes().get("region")).isEqualTo("eu");
            assertThat(span.start().attributes().get("order.id")).isEqualTo("42");
            assertThat(span.calls()).containsExactly("event cache.miss", "exception db down", "status ERROR", "end");
        });
    }

    @Test
    void withoutTracingANestedObservationIsTheChildOfItsParent() {
        this.runner.run((context) -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            Observation.createNotStarted("outer", registry).observe(
                    () -> Observation.createNotStarted("inner", registry).observe(() -> { }));
            BridgeRecordingAdapter custom = context.getBean(BridgeRecordingAdapter.class);
            RecordedSpan outer = custom.spansNamed("outer").get(0);
            RecordedSpan inner = custom.spansNamed("inner").get(0);
            assertThat(inner.start().parent()).isEqualTo(outer.start().context());
        });
    }

    @Test
    void withOpenTelemetryTheBridgedSpansHaveTheTracersIdsAndSkipTheOpenTelemetryAdapter() {
        this.withOpenTelemetry.run((context) -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            Tracer tracer = context.getBean(Tracer.class);
            String[] ids = new String[3];
            Observation.createNotStarted("http.server.requests", registry).contextualName("GET /orders").observe(() -> {
                ids[0] = tracer.currentSpan().context().spanId();
                try (Span span = manager.startSpan("load")) {
                    ids[1] = span.context().spanId();
                    Observation.createNotStarted("http.client.requests", registry).contextualName("GET /stock")
                        .observe(() -> ids[2] = tracer.currentSpan().context().spanId());
                }
            });
            BridgeRecordingAdapter custom = context.getBean(BridgeRecordingAdapter.class);
            RecordedSpan server = custom.spansNamed("GET /orders").get(0);
            RecordedSpan load = custom.spansNamed("load").get(0);
            RecordedSpan client = custom.spansNamed("GET /stock").get(0);
            assertThat(custom.spans()).hasSize(3);
            assertThat(server.start().context().spanId()).isEqualTo(ids[0]);
            assertThat(load.start().parent().spanId()).isEqualTo(ids[0]);
            assertThat(client.start().context().spanId()).isEqualTo(ids[2]);
            assertThat(client.start().parent().spanId()).isEqualTo(ids[1]);
            assertThat(client.start().context().traceId()).isEqualTo(server.start().context().traceId());
            assertThat(manager.controls()
                .adapter(OpenTelemetryAdapter.NAME).orElseThrow().counts().get(Signal.TRACING).submitted())
                .as("only the manager span, never a bridged Observation").isEqualTo(1);
        });
    }

    @Test
    void isOffWhenDisabledByProperty() {
        this.runner.withPropertyValues("observability.tracing.observation-bridge.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservationBridgeHandler.class));
    }

    @Test
    void isOffWhenTracingIsSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.tracing.enabled=false")
            .run((context) -> assertThat(context).hasSingleBean(ObservabilityManager.class)
                .doesNotHaveBean(ObservationBridgeHandler.class));
    }

    @Test
    void backsOffWithoutMicrometerObservation() {
        this.runner.withClassLoader(new FilteredClassLoader(ObservationHandler.class))
            .run((context) -> assertThat(context).doesNotHaveBean(ObservationBridgeHandler.class));
    }
}
