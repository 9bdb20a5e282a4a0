package dev.observability.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedLogRecord;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import dev.observability.sample.SampleClient.Answer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample in its {@code otel} profile sends traces, metrics and logs to one OTLP/HTTP collector (here a receiver on
 * loopback that decodes what arrives with the official {@code opentelemetry-proto} classes). One real HTTP request
 * places an order; the collector then holds the request's spans (Boot's server span and the manager's
 * {@code orders.place}), the sample's log line as an OTLP log record with its severity, attributes and the request's
 * trace id, the sample's {@code orders.placed} counter and Boot's {@code http.server.requests} with their
 * attributes, and, on Boot 4.1 (whose OTLP registry records exemplars), a {@code http.server.requests} exemplar with
 * the same trace id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false",
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "management.opentelemetry.logging.export.schedule-delay=100ms",
                "management.otlp.metrics.export.step=1s" })
@ActiveProfiles("otel")
@AutoConfigureTracing
class OtlpEndToEndTests {

    private static final OtlpHttpTestReceiver COLLECTOR = start();

    /** Micrometer's OTLP registry records exemplars from 1.17 (Boot 4.1), with Boot's context provider. */
    private static final boolean EXEMPLARS = ClassUtils.isPresent("io.micrometer.registry.otlp.ExemplarContextProvider",
            null);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void oneCollector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::endpoint);
        registry.add("management.opentelemetry.logging.export.otlp.endpoint", COLLECTOR::logsEndpoint);
        registry.add("management.otlp.metrics.export.url", COLLECTOR::metricsEndpoint);
    }

    @AfterAll
    static void stopTheCollector() {
        COLLECTOR.close();
    }

    @Test
    void oneRequestsSpansLogLineAndMetricsReachOneCollectorWithTheRequestsTraceId() throws Exception {
        Answer placed = SampleClient.post("http://127.0.0.1:" + this.port + "/orders",
                "{\"item\":\"otlp-book\",\"quantity\":2,\"region\":\"eu\"}");
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("id").asString();
        String line = "Order " + orderId + " placed: 2 x otlp-book to eu";

        await().atMost(Duration.ofSeconds(30)).until(() -> !COLLECTOR.logRecordsWithBody(line).isEmpty());
        ReceivedLogRecord record = COLLECTOR.logRecordsWithBody(line).get(0);
        String traceId = record.traceId();
        assertThat(traceId).hasSize(32);
        assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
        assertThat(record.scopeName()).isEqualTo("dev.observability.sample.orders.OrderController");
        assertThat(record.serviceName()).isEqualTo("observability-sample");
        assertThat(record.attributes()).containsKey("thread.name");

        await().atMost(Duration.ofSeconds(30)).until(() -> spansOf(traceId).size() >= 2);
        ReceivedSpan managerSpan = COLLECTOR.span("orders.place");
        assertThat(managerSpan.traceId()).isEqualTo(traceId);
        assertThat(record.spanId()).as("the line was logged in the manager span").isEqualTo(managerSpan.spanId());
        assertThat(spansOf(traceId)).extracting((span) -> span.span().getName()).contains("http post /orders");

        await().atMost(Duration.ofSeconds(30)).until(() -> placedOrders() != null && serverRequests() != null);
        NumberDataPoint orders = placedOrders();
        assertThat(attributes(orders.getAttributesList())).containsEntry("region", "eu");
        assertThat(orders.getAsDouble()).isGreaterThanOrEqualTo(1.0);
        HistogramDataPoint request = serverRequests();
        assertThat(attributes(request.getAttributesList())).containsEntry("method", "POST")
            .containsEntry("status", "201").containsEntry("outcome", "SUCCESS");
        if (EXEMPLARS) {
            await().atMost(Duration.ofSeconds(30)).until(() -> exemplarTraceIds().contains(traceId));
        }
    }

    private static List<ReceivedSpan> spansOf(String traceId) {
        return COLLECTOR.spans().stream().filter((span) -> span.traceId().equals(traceId)).toList();
    }

    /** @return the last pushed point of {@code orders.placed{region=eu}}, or {@code null} */
    private static NumberDataPoint placedOrders() {
        return metrics("orders.placed").flatMap((metric) -> metric.getSum().getDataPointsList().stream())
            .filter((point) -> "eu".equals(attributes(point.getAttributesList()).get("region")))
            .reduce((first, second) -> second).orElse(null);
    }

    /** @return the last pushed point of {@code http.server.requests} for the order, or {@code null} */
    private static HistogramDataPoint serverRequests() {
        return metrics("http.server.requests").flatMap((metric) -> metric.getHistogram().getDataPointsList().stream())
            .filter((point) -> "/orders".equals(attributes(point.getAttributesList()).get("uri")))
            .reduce((first, second) -> second).orElse(null);
    }

    private static List<String> exemplarTraceIds() {
        return metrics("http.server.requests").flatMap((metric) -> metric.getHistogram().getDataPointsList().stream())
            .flatMap((point) -> point.getExemplarsList().stream())
            .map((exemplar) -> java.util.HexFormat.of().formatHex(exemplar.getTraceId().toByteArray()))
            .toList();
    }

    private static java.util.stream.Stream<Metric> metrics(String name) {
        List<ExportMetricsServiceRequest> pushes = COLLECTOR.metricsRequests();
        return pushes.stream().flatMap((push) -> OtlpHttpTestReceiver.metricsNamed(push, name).stream());
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream()
            .collect(Collectors.toMap(KeyValue::getKey, (kv) -> kv.getValue().getStringValue(), (a, b) -> b));
    }

    private static OtlpHttpTestReceiver start() {
        try {
            return OtlpHttpTestReceiver.start(0);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
