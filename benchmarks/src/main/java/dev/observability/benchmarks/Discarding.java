package dev.observability.benchmarks;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The sinks the benchmarks write to, so that a measurement is the cost of producing telemetry, not of shipping it.
 */
final class Discarding {

    private Discarding() {
    }

    /**
     * @return an SDK tracer provider as an application configures it (a batch span processor with its defaults)
     * whose exporter drops every batch
     */
    static SdkTracerProvider tracerProvider() {
        return SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new Exporter()).build())
            .build();
    }

    /** A span exporter that succeeds at once and keeps nothing. */
    private static final class Exporter implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
