package dev.observability.benchmarks;

import java.time.Duration;
import java.util.Collection;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.traces.CountingSpanExporter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetrySpanContextSource;
import dev.observability.core.ObservabilityManager;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
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
        return tracerProvider(new Exporter());
    }

    private static SdkTracerProvider tracerProvider(SpanExporter exporter) {
        return SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
    }

    /**
     * A provider that starts no thread (a simple processor), for memory measurements: a thread in the measured
     * object graph drags in every other thread's objects, whose size changes between two measurements.
     * @return the provider
     */
    static SdkTracerProvider threadlessTracerProvider() {
        return threadlessTracerProvider(new Exporter());
    }

    private static SdkTracerProvider threadlessTracerProvider(SpanExporter exporter) {
        return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    }

    /**
     * The project's OpenTelemetry set-up, as its auto-configuration wires it: the exporter counted by the adapter's
     * export outcomes, the manager's span ids taken from the SDK, and the adapter on its preferred INLINE lane.
     */
    static final class ManagedTracing implements AutoCloseable {

        final ExportOutcomes exports = ExportOutcomes.ofSpans(new AdapterSwitch(OpenTelemetryAdapter.NAME, true),
                Duration.ofMinutes(1));

        final SdkTracerProvider provider;

        final ObservabilityManager manager;

        /** The set-up the benchmarks run: a batch processor, and the manager started. */
        ManagedTracing() {
            this(Discarding::tracerProvider);
            this.manager.start();
        }

        /**
         * The same set-up without any thread, for memory measurements: a simple processor, and the manager not
         * started (its OpenTelemetry adapter is INLINE, so spans still reach it).
         * @return the set-up
         */
        static ManagedTracing threadless() {
            return new ManagedTracing(Discarding::threadlessTracerProvider);
        }

        private ManagedTracing(java.util.function.Function<SpanExporter, SdkTracerProvider> providers) {
            this.provider = providers.apply(new CountingSpanExporter(new Exporter(), this.exports));
            Tracer tracer = this.provider.get("dev.observability");
            OpenTelemetrySpanContextSource source = new OpenTelemetrySpanContextSource(tracer);
            this.manager = ObservabilityManager.builder()
                .spanContextSource(source)
                .adapter(new OpenTelemetryAdapter(tracer, this.exports))
                .build();
        }

        @Override
        public void close() {
            this.manager.close();
            this.provider.close();
        }
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
