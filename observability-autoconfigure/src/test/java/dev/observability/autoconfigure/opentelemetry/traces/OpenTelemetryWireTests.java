package dev.observability.autoconfigure.opentelemetry.traces;

import java.time.Duration;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.tracing.Span;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the OpenTelemetry adapter puts on the wire through Boot's SDK (the adapter has no SDK of its own), decoded by
 * a test OTLP/HTTP receiver with the official protocol classes.
 */
class OpenTelemetryWireTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void managerSpansReachTheCollectorThroughBootsSdkWithTheirIdsParentsAndContent() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            BootOtlpExport.to(receiver.endpoint()).withPropertyValues("spring.application.name=wire-boot")
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    SpanContext[] ids = recordCheckout(manager);
                    await().atMost(WAIT).until(() -> receiver.spans().size() >= 2);
                    assertCheckout(receiver, ids);
                    ExportOutcomes exports = context.getBean(OpenTelemetryAdapter.class).exports();
                    await().atMost(WAIT).until(() -> exports.exported() >= 2);
                    assertThat(exports.failed()).isZero();
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

    private static void assertCheckout(OtlpHttpTestReceiver receiver, SpanContext[] ids) {
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
        assertThat(checkout.serviceName()).isEqualTo("wire-boot");
        assertThat(checkout.span().getEndTimeUnixNano()).isGreaterThanOrEqualTo(charge.span().getEndTimeUnixNano());
    }
}
