package dev.observability.autoconfigure.opentelemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A test OTLP/HTTP receiver of traces, metrics and logs on loopback: it decodes each export request with the official
 * protocol classes and answers as a collector does, or (metrics and logs) with the status a test sets
 * ({@link #answer(int)}, such as 503 for a collector that is overloaded). It runs until closed; tests open it in
 * try-with-resources.
 */
public final class OtlpHttpTestReceiver implements AutoCloseable {

    /** The path OTLP/HTTP exporters post traces to. */
    public static final String TRACES_PATH = "/v1/traces";

    /** The path OTLP/HTTP exporters post metrics to. */
    public static final String METRICS_PATH = "/v1/metrics";

    /** The path OTLP/HTTP exporters post logs to. */
    public static final String LOGS_PATH = "/v1/logs";

    private final HttpServer server;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();

    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    private final List<ExportMetricsServiceRequest> metricsRequests = new CopyOnWriteArrayList<>();

    private final List<ExportLogsServiceRequest> logsRequests = new CopyOnWriteArrayList<>();

    private volatile int status = 200;

    private OtlpHttpTestReceiver(HttpServer server) {
        this.server = server;
        this.server.createContext(TRACES_PATH, this::handle);
        this.server.createContext(METRICS_PATH, this::handleMetrics);
        this.server.createContext(LOGS_PATH, this::handleLogs);
        this.server.setExecutor(this.executor);
        this.server.start();
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for any free one
     * @return a started receiver
     * @throws IOException if the port cannot be bound
     */
    public static OtlpHttpTestReceiver start(int port) throws IOException {
        return new OtlpHttpTestReceiver(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    /** @return the URL exporters post to */
    public String endpoint() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + TRACES_PATH;
    }

    /** @return the URL metrics exporters post to */
    public String metricsEndpoint() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + METRICS_PATH;
    }

    /** @return the URL log exporters post to */
    public String logsEndpoint() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + LOGS_PATH;
    }

    /**
     * @param status the HTTP status to answer every metrics and logs request with from now on: 200 accepts (and
     * records) them, any other refuses them unread
     */
    public void answer(int status) {
        this.status = status;
    }

    /** @return every decoded, accepted metrics export request, in arrival order */
    public List<ExportMetricsServiceRequest> metricsRequests() {
        return List.copyOf(this.metricsRequests);
    }

    /**
     * @param request an accepted metrics export request
     * @param name a metric name
     * @return the metrics with that name the request carried (any resource and scope)
     */
    public static List<Metric> metricsNamed(ExportMetricsServiceRequest request, String name) {
        return request.getResourceMetricsList().stream()
            .flatMap((resourceMetrics) -> resourceMetrics.getScopeMetricsList().stream())
            .flatMap((scopeMetrics) -> scopeMetrics.getMetricsList().stream())
            .filter((metric) -> metric.getName().equals(name))
            .toList();
    }

    /** @return every decoded, accepted logs export request, in arrival order */
    public List<ExportLogsServiceRequest> logsRequests() {
        return List.copyOf(this.logsRequests);
    }

    /** @return every received log record with its resource and scope, in arrival order */
    public List<ReceivedLogRecord> logRecords() {
        return this.logsRequests.stream()
            .flatMap((request) -> request.getResourceLogsList().stream())
            .flatMap((resourceLogs) -> resourceLogs.getScopeLogsList().stream()
                .flatMap((scopeLogs) -> scopeLogs.getLogRecordsList().stream()
                    .map((record) -> new ReceivedLogRecord(resourceLogs, scopeLogs, record))))
            .toList();
    }

    /**
     * @param body a log record's body
     * @return the received records with that body
     */
    public List<ReceivedLogRecord> logRecordsWithBody(String body) {
        return logRecords().stream().filter((record) -> record.body().equals(body)).toList();
    }

    /** @return the port it listens on */
    public int port() {
        return this.server.getAddress().getPort();
    }

    /** @return every decoded export request, in arrival order */
    public List<ExportTraceServiceRequest> requests() {
        return List.copyOf(this.requests);
    }

    /** @return the HTTP headers of each request, in arrival order */
    public List<Map<String, List<String>>> headers() {
        return List.copyOf(this.headers);
    }

    /** @return every received span with its resource */
    public List<ReceivedSpan> spans() {
        return this.requests.stream()
            .flatMap((request) -> request.getResourceSpansList().stream())
            .flatMap((resourceSpans) -> resourceSpans.getScopeSpansList().stream()
                .flatMap((scopeSpans) -> spansOf(resourceSpans, scopeSpans)))
            .toList();
    }

    /**
     * @param name a span name
     * @return the received span with that name
     * @throws AssertionError when none or several have it
     */
    public ReceivedSpan span(String name) {
        List<ReceivedSpan> named = spans().stream().filter((span) -> span.span().getName().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one span named '" + name + "', got " + named.size() + " in "
                    + spans().stream().map((span) -> span.span().getName()).toList());
        }
        return named.get(0);
    }

    private static java.util.stream.Stream<ReceivedSpan> spansOf(ResourceSpans resourceSpans, ScopeSpans scopeSpans) {
        return scopeSpans.getSpansList().stream().map((span) -> new ReceivedSpan(resourceSpans, span));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            this.requests.add(ExportTraceServiceRequest.parseFrom(bodyOf(exchange)));
            this.headers.add(Map.copyOf(exchange.getRequestHeaders()));
            accept(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private void handleMetrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (this.status != 200) {
                exchange.sendResponseHeaders(this.status, -1);
                return;
            }
            this.metricsRequests.add(ExportMetricsServiceRequest.parseFrom(bodyOf(exchange)));
            accept(exchange, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private void handleLogs(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (this.status != 200) {
                exchange.sendResponseHeaders(this.status, -1);
                return;
            }
            this.logsRequests.add(ExportLogsServiceRequest.parseFrom(bodyOf(exchange)));
            accept(exchange, ExportLogsServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private static byte[] bodyOf(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
        }
        return body.readAllBytes();
    }

    private static void accept(HttpExchange exchange, byte[] response) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
        exchange.getResponseBody().write(response);
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    /**
     * A span as received, with the resource it came with.
     *
     * @param resourceSpans the resource part of the request
     * @param span the span
     */
    public record ReceivedSpan(ResourceSpans resourceSpans, Span span) {

        /** @return the span's trace id in hex */
        public String traceId() {
            return hex(this.span.getTraceId());
        }

        /** @return the span's id in hex */
        public String spanId() {
            return hex(this.span.getSpanId());
        }

        /** @return the parent span's id in hex, empty for a root span */
        public String parentSpanId() {
            return hex(this.span.getParentSpanId());
        }

        /** @return the resource's {@code service.name} */
        public String serviceName() {
            return stringValue(this.resourceSpans.getResource().getAttributesList(), "service.name");
        }

        /**
         * @param key an attribute key
         * @return the attribute's value, or {@code null}
         */
        public AnyValue attribute(String key) {
            return this.span.getAttributesList().stream().filter((kv) -> kv.getKey().equals(key))
                .map(KeyValue::getValue).findFirst().orElse(null);
        }

        static String stringValue(List<KeyValue> attributes, String key) {
            return attributes.stream().filter((kv) -> kv.getKey().equals(key))
                .map((kv) -> kv.getValue().getStringValue()).findFirst().orElse(null);
        }

        static String hex(ByteString bytes) {
            return HexFormat.of().formatHex(bytes.toByteArray());
        }
    }

    /**
     * A log record as received, with the resource and instrumentation scope it came with.
     *
     * @param resourceLogs the resource part of the request
     * @param scopeLogs the scope part: its name is the logger's
     * @param record the record
     */
    public record ReceivedLogRecord(ResourceLogs resourceLogs, ScopeLogs scopeLogs, LogRecord record) {

        /** @return the record's body as text */
        public String body() {
            return this.record.getBody().getStringValue();
        }

        /** @return the name of the instrumentation scope: the logger's name */
        public String scopeName() {
            return this.scopeLogs.getScope().getName();
        }

        /** @return the trace id in hex, empty without one */
        public String traceId() {
            return ReceivedSpan.hex(this.record.getTraceId());
        }

        /** @return the span id in hex, empty without one */
        public String spanId() {
            return ReceivedSpan.hex(this.record.getSpanId());
        }

        /** @return the resource's {@code service.name} */
        public String serviceName() {
            return ReceivedSpan.stringValue(this.resourceLogs.getResource().getAttributesList(), "service.name");
        }

        /** @return the record's attributes, each value as text */
        public Map<String, String> attributes() {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            this.record.getAttributesList().forEach((kv) -> attributes.put(kv.getKey(), text(kv.getValue())));
            return attributes;
        }

        private static String text(AnyValue value) {
            return switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> Long.toString(value.getIntValue());
                case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                default -> value.toString();
            };
        }
    }
}
