package dev.observability.autoconfigure.opentelemetry;

import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Builds the SDK the adapter uses when the application has no OpenTelemetry SDK: OTLP over HTTP or gRPC as
 * {@code observability.opentelemetry.*} says, a batching processor, W3C propagation, a parent-based ratio sampler and
 * a resource with {@code service.name}. It is not registered as the global OpenTelemetry instance.
 */
final class OwnOpenTelemetrySdk {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private OwnOpenTelemetrySdk() {
    }

    /**
     * @param properties the adapter's settings, validated
     * @param serviceName the resolved service name
     * @param account where export results are recorded
     * @return the SDK; close it to flush and stop its exporter
     */
    static OpenTelemetrySdk build(OpenTelemetryProperties properties, String serviceName, SpanExportAccount account) {
        SpanExporter exporter = new CountingSpanExporter(exporter(properties), account);
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(properties.getSamplingProbability())))
            .addSpanProcessor(new EndedSpanCounter(account))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
        return OpenTelemetrySdk.builder()
            .setTracerProvider(tracerProvider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    }

    private static SpanExporter exporter(OpenTelemetryProperties properties) {
        Map<String, String> headers = properties.getHeaders();
        if (OpenTelemetryProperties.GRPC.equals(properties.getProtocol())) {
            OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
                .setEndpoint(endpoint(properties, "http://localhost:4317"))
                .setTimeout(properties.getTimeout());
            headers.forEach(builder::addHeader);
            return builder.build();
        }
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint(properties, "http://localhost:4318/v1/traces"))
            .setTimeout(properties.getTimeout());
        headers.forEach(builder::addHeader);
        return builder.build();
    }

    private static String endpoint(OpenTelemetryProperties properties, String fallback) {
        String endpoint = properties.getEndpoint();
        return (endpoint != null && !endpoint.isBlank()) ? endpoint : fallback;
    }
}
