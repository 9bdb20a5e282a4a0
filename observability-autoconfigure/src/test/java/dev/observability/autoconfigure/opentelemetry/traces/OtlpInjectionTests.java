package dev.observability.autoconfigure.opentelemetry.traces;

import java.time.Duration;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.tracing.Span;
import io.opentelemetry.proto.common.v1.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Span attributes that try to forge structure reach the collector as the exact strings they were, decoded with the
 * official OTLP protocol classes (exported by Boot's SDK): no extra attribute, event or span appears.
 */
class OtlpInjectionTests {

    private static final String FORGED = "ok\n{\"name\":\"forged\",\"attributes\":[{\"key\":\"admin\"}]}\r\n\u0000\"}";

    @Test
    void forgedAttributeValuesArriveAsTheExactStrings() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            BootOtlpExport.to(receiver.endpoint()).withPropertyValues("observability.json-logging.enabled=false")
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    try (Span span = manager.startSpan("order " + FORGED.replaceAll("\\p{Cntrl}", " "),
                            Fields.of("start", FORGED))) {
                        span.attribute("later", FORGED);
                        span.attribute(FORGED, "key");
                        span.event("note", Fields.of("detail", FORGED));
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.spans().size() >= 1);
                    assertThat(receiver.spans()).hasSize(1);
                    ReceivedSpan span = receiver.spans().get(0);
                    assertThat(span.attribute("start").getStringValue()).isEqualTo(FORGED);
                    assertThat(span.attribute("later").getStringValue()).isEqualTo(FORGED);
                    assertThat(span.attribute(FORGED).getStringValue()).isEqualTo("key");
                    assertThat(span.span().getAttributesList()).extracting(KeyValue::getKey)
                        .containsExactlyInAnyOrder("start", "later", FORGED);
                    assertThat(span.span().getEventsList()).hasSize(1);
                    assertThat(span.span().getEvents(0).getAttributes(0).getValue().getStringValue())
                        .isEqualTo(FORGED);
                });
        }
    }
}
