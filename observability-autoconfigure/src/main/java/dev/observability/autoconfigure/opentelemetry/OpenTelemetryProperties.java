package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OpenTelemetry adapter. Only {@code enabled} and {@code replace-exporter-log} apply when the
 * application has an OpenTelemetry SDK of its own (Boot's, configured with {@code management.opentelemetry.*} and
 * {@code management.tracing.*}); the others configure the SDK the adapter builds when the application has none.
 */
@ConfigurationProperties("observability.opentelemetry")
public class OpenTelemetryProperties {

    /** The protocol value for OTLP over HTTP with protobuf bodies. */
    public static final String HTTP_PROTOBUF = "http/protobuf";

    /** The protocol value for OTLP over gRPC. */
    public static final String GRPC = "grpc";

    /** Whether the OpenTelemetry adapter is on when its libraries are on the classpath (default true). */
    private boolean enabled = true;

    /**
     * Whether the adapter's report of failed span exports, at most once per observability.dispatch.failure-log-interval,
     * replaces the OpenTelemetry SDK's own log lines about them (default true).
     */
    private boolean replaceExporterLog = true;

    /**
     * Where the adapter's own SDK sends spans (default http://localhost:4318/v1/traces for http/protobuf,
     * http://localhost:4317 for grpc).
     */
    private @Nullable String endpoint;

    /** The OTLP protocol of the adapter's own SDK: http/protobuf or grpc (default http/protobuf). */
    private String protocol = HTTP_PROTOBUF;

    /** Headers the adapter's own SDK sends with every export, such as an API key (default none). */
    private Map<String, String> headers = new LinkedHashMap<>();

    /** How long the adapter's own SDK waits for one export (default 10s). */
    private Duration timeout = Duration.ofSeconds(10);

    /** The service.name resource attribute of the adapter's own SDK (default spring.application.name, else "application"). */
    private @Nullable String serviceName;

    /** The share of new traces the adapter's own SDK samples, from 0.0 to 1.0 (default 1.0). */
    private double samplingProbability = 1.0;

    /** @return whether the adapter is on */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether the adapter is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return whether the adapter's report replaces the SDK's own lines about failed span exports */
    public boolean isReplaceExporterLog() {
        return this.replaceExporterLog;
    }

    /** @param replaceExporterLog whether the adapter's report replaces the SDK's own lines */
    public void setReplaceExporterLog(boolean replaceExporterLog) {
        this.replaceExporterLog = replaceExporterLog;
    }

    /** @return the OTLP endpoint, or {@code null} for the protocol's default */
    public @Nullable String getEndpoint() {
        return this.endpoint;
    }

    /** @param endpoint the OTLP endpoint */
    public void setEndpoint(@Nullable String endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the OTLP protocol */
    public String getProtocol() {
        return this.protocol;
    }

    /** @param protocol the OTLP protocol */
    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    /** @return the export headers */
    public Map<String, String> getHeaders() {
        return this.headers;
    }

    /** @param headers the export headers */
    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    /** @return the export timeout */
    public Duration getTimeout() {
        return this.timeout;
    }

    /** @param timeout the export timeout */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return the service name, or {@code null} for the default */
    public @Nullable String getServiceName() {
        return this.serviceName;
    }

    /** @param serviceName the service name */
    public void setServiceName(@Nullable String serviceName) {
        this.serviceName = serviceName;
    }

    /** @return the sampling probability */
    public double getSamplingProbability() {
        return this.samplingProbability;
    }

    /** @param samplingProbability the sampling probability */
    public void setSamplingProbability(double samplingProbability) {
        this.samplingProbability = samplingProbability;
    }
}
