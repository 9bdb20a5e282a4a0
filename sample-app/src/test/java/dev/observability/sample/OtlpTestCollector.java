package dev.observability.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedLogRecord;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;

/**
 * The project's OTLP/HTTP test receiver as a process, for {@code newcomer-path.sh}: it listens on a free loopback
 * port, prints {@code listening on <port>} and then one line for each item it decodes with the official OpenTelemetry
 * protocol classes, until it is stopped:
 * <pre>
 * span &lt;trace id&gt; &lt;span id&gt; &lt;service.name&gt; &lt;span name&gt;
 * log &lt;trace id&gt; &lt;span id&gt; &lt;service.name&gt; &lt;severity&gt; &lt;body&gt;
 * metrics &lt;service.name&gt; &lt;the names of the metrics of one push, comma-separated&gt;
 * </pre>
 * An id the item does not carry prints as {@code -}. Run it on the sample's test classpath
 * ({@code target/test-classes} and {@code target/test-classpath.txt}).
 */
public final class OtlpTestCollector {

    private final OtlpHttpTestReceiver receiver;

    private final PrintStream out;

    private int spans;

    private int logRecords;

    private int metricsRequests;

    private OtlpTestCollector(OtlpHttpTestReceiver receiver, PrintStream out) {
        this.receiver = receiver;
        this.out = out;
    }

    /**
     * Starts the receiver and prints what arrives until the process is stopped.
     * @param args none
     * @throws IOException if no loopback port can be bound
     * @throws InterruptedException when stopped
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        OtlpTestCollector collector = new OtlpTestCollector(receiver, System.out);
        System.out.println("listening on " + receiver.port());
        System.out.flush();
        while (true) {
            collector.printWhatArrived();
            Thread.sleep(100);
        }
    }

    /** Prints the items that arrived since the last call, each once. */
    void printWhatArrived() {
        List<ReceivedSpan> spans = this.receiver.spans();
        for (ReceivedSpan span : spans.subList(this.spans, spans.size())) {
            this.out.println(String.join(" ", "span", id(span.traceId()), id(span.spanId()), String.valueOf(span.serviceName()),
                    span.span().getName()));
        }
        this.spans = spans.size();
        List<ReceivedLogRecord> records = this.receiver.logRecords();
        for (ReceivedLogRecord record : records.subList(this.logRecords, records.size())) {
            this.out.println(String.join(" ", "log", id(record.traceId()), id(record.spanId()), String.valueOf(record.serviceName()),
                    record.record().getSeverityText(), record.body()));
        }
        this.logRecords = records.size();
        List<ExportMetricsServiceRequest> pushes = this.receiver.metricsRequests();
        for (ExportMetricsServiceRequest push : pushes.subList(this.metricsRequests, pushes.size())) {
            push.getResourceMetricsList().forEach(this::printMetrics);
        }
        this.metricsRequests = pushes.size();
        this.out.flush();
    }

    private void printMetrics(ResourceMetrics resourceMetrics) {
        String service = resourceMetrics.getResource().getAttributesList().stream()
            .filter((attribute) -> attribute.getKey().equals("service.name"))
            .map((attribute) -> attribute.getValue().getStringValue())
            .findFirst().orElse("-");
        String names = resourceMetrics.getScopeMetricsList().stream()
            .flatMap((scope) -> scope.getMetricsList().stream())
            .map(Metric::getName)
            .collect(Collectors.joining(","));
        this.out.println(String.join(" ", "metrics", service, names));
    }

    private static String id(String hex) {
        return hex.isEmpty() ? "-" : hex;
    }
}
