package dev.observability.sample;

import java.time.Duration;
import java.util.List;

import dev.observability.sample.SampleClient.Answer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request to {@code /trace}, one trace id everywhere: Boot's HTTP server span, the manager span as its child,
 * the {@code RestClient} call with a W3C {@code traceparent}, the downstream server span, and the JSON log lines
 * with the trace id and the span current where they were written. The spans are read from the SDK through an
 * in-memory exporter, a real part of the OpenTelemetry SDK; the JSON lines from standard output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class OneTraceIdTests {

    @LocalServerPort
    private int port;

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void aRequestKeepsOneTraceIdFromTheServerSpanToTheLogLinesAndTheDownstreamCall(CapturedOutput output)
            throws Exception {
        Answer answer = SampleClient.get("http://127.0.0.1:" + this.port + "/trace");
        assertThat(answer.status()).isEqualTo(200);
        String traceId = answer.body().path("traceId").asString();
        String managerSpanId = answer.body().path("spanId").asString();
        String traceparent = answer.body().path("downstreamReceivedTraceparent").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> spansOf(traceId).size() >= 4);
        List<SpanData> trace = spansOf(traceId);
        SpanData server = only(trace, SpanKind.SERVER, "/trace");
        SpanData manager = trace.stream().filter((span) -> span.getName().equals("sample.trace")).findFirst()
            .orElseThrow();
        SpanData client = trace.stream().filter((span) -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        SpanData downstream = only(trace, SpanKind.SERVER, "/trace/downstream");

        assertThat(manager.getSpanId()).isEqualTo(managerSpanId);
        assertThat(manager.getParentSpanId()).as("the manager span is the HTTP span's child")
            .isEqualTo(server.getSpanId());
        assertThat(client.getParentSpanId()).isEqualTo(manager.getSpanId());
        // version, trace id, parent id, flags: sampled (01), and from OpenTelemetry SDK 1.62 (Boot 4.1) also the W3C
        // level 2 'random trace id' flag (02)
        assertThat(traceparent).startsWith("00-" + traceId + "-" + client.getSpanId() + "-");
        assertThat(Integer.parseInt(traceparent.substring(traceparent.lastIndexOf('-') + 1), 16) & 0x01)
            .as("sampled flag of " + traceparent).isEqualTo(1);
        assertThat(downstream.getParentSpanId()).isEqualTo(client.getSpanId());

        await().atMost(Duration.ofSeconds(10)).until(
                () -> !SampleClient.jsonLinesWithMessage(output.getOut(), "Downstream received").isEmpty());
        JsonNode handlerLine = onlyLine(output, "Handling /trace");
        assertThat(handlerLine.path("trace_id").asString()).isEqualTo(traceId);
        assertThat(handlerLine.path("span_id").asString()).isEqualTo(managerSpanId);
        JsonNode downstreamLine = onlyLine(output, "Downstream received");
        assertThat(downstreamLine.path("trace_id").asString()).isEqualTo(traceId);
        assertThat(downstreamLine.path("span_id").asString()).isEqualTo(downstream.getSpanId());
        assertThat(output.getOut().split("Handling /trace inside the manager span", -1))
            .as("the event is printed once, as JSON, not again as a plain console line").hasSize(2);
    }

    private List<SpanData> spansOf(String traceId) {
        return this.spans.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind, String path) {
        List<SpanData> matching = trace.stream()
            .filter((span) -> span.getKind() == kind && span.getName().endsWith(" " + path))
            .toList();
        assertThat(matching).as(kind + " " + path + " in " + trace).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode onlyLine(CapturedOutput output, String messageStart) {
        List<JsonNode> lines = SampleClient.jsonLinesWithMessage(output.getOut(), messageStart);
        assertThat(lines).as(messageStart).hasSize(1);
        return lines.get(0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
