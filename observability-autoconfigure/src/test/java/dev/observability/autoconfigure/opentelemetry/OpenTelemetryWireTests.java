package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import dev.observability.core.Fields;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContext;
import dev.observability.core.tracing.SpanStatus;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the OpenTelemetry adapter puts on the wire, decoded by a test OTLP/HTTP receiver with the official protocol
 * classes: once through Boot's SDK, once through the adapter's own.
 */
class OpenTelemetryWireTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationContextRunner bootSdk = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                MicrometerTracingAutoConfiguration.class, ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class))
        .withPropertyValues("spring.application.name=wire-boot", "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms");

    private final ApplicationContextRunner ownSdk = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class));

    @Test
    void managerSpansReachTheCollectorThroughBootsSdkWithTheirIdsParentsAndContent() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            this.bootSdk.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.endpoint())
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    SpanContext[] ids = recordCheckout(manager);
                    await().atMost(WAIT).until(() -> receiver.spans().size() >= 2);
                    assertCheckout(receiver, ids, "wire-boot");
                    SpanExportAccount account = context.getBean(SpanExportAccount.class);
                    await().atMost(WAIT).until(() -> account.exported() >= 2);
                    assertThat(account.failed()).isZero();
                });
        }
    }

    @Test
    void ownSdkExportsWithTheConfiguredHeadersAndServiceName() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            this.ownSdk.withPropertyValues("observability.opentelemetry.endpoint=" + receiver.endpoint(),
                    "observability.opentelemetry.headers.x-api-key=k-123",
                    "observability.opentelemetry.service-name=wire-own")
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    SpanContext[] ids = recordCheckout(manager);
                    await().atMost(WAIT).until(() -> receiver.spans().size() >= 2);
                    assertCheckout(receiver, ids, "wire-own");
                    assertThat(receiver.headers().get(0).get("X-api-key")).containsExactly("k-123");
                });
        }
    }

    private static SpanContext[] recordCheckout(ObservabilityManager manager) {
        Span checkout = manager.startSpan("checkout", Fields.of("order.id", 42L, "region", "eu"));
        Span charge = manager.startSpan("charge");
        charge.event("card.checked", Fields.of("approved", false));
        charge.error(new IllegalStateException("card declined"));
        charge.close();
        checkout.status(SpanStatus.OK, null);
        checkout.close();
        return new SpanContext[] { checkout.context(), charge.context() };
    }

    private static void assertCheckout(OtlpHttpTestReceiver receiver, SpanContext[] ids, String serviceName) {
        ReceivedSpan checkout = receiver.span("checkout");
        ReceivedSpan charge = receiver.span("charge");
        assertThat(checkout.traceId()).isEqualTo(ids[0].traceId());
        assertThat(checkout.spanId()).isEqualTo(ids[0].spanId());
        assertThat(checkout.parentSpanId()).isEmpty();
        assertThat(charge.spanId()).isEqualTo(ids[1].spanId());
        assertThat(charge.traceId()).isEqualTo(checkout.traceId());
        assertThat(charge.parentSpanId()).isEqualTo(checkout.spanId());
        assertThat(checkout.attribute("order.id").getIntValue()).isEqualTo(42L);
        assertThat(checkout.attribute("region").getStringValue()).isEqualTo("eu");
        assertThat(checkout.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_OK);
        assertThat(charge.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(charge.span().getEventsList()).extracting((event) -> event.getName())
            .containsExactly("card.checked", "exception");
        assertThat(checkout.serviceName()).isEqualTo(serviceName);
        assertThat(checkout.span().getEndTimeUnixNano()).isGreaterThanOrEqualTo(charge.span().getEndTimeUnixNano());
    }
}
