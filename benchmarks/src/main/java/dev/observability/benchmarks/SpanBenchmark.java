package dev.observability.benchmarks;

import dev.observability.core.ObservabilityManager;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 5: one span started and ended through the manager to the project's OpenTelemetry adapter, against the
 * raw SDK span start and end. Both SDKs are set up alike: a batch span processor and an exporter that discards. The
 * manager's span is current on the thread while open (and so is its SDK span, which the adapter's span context
 * source starts with the manager span), so the raw SDK is measured both plain and made current.
 */
public class SpanBenchmark extends FullMode {

    static final String SPAN_NAME = "checkout";

    private SdkTracerProvider directProvider;

    private Tracer tracer;

    private Discarding.ManagedTracing managed;

    private ObservabilityManager manager;

    /** Builds the two SDKs and the manager with the OpenTelemetry adapter. */
    @Setup
    public void setUp() {
        this.directProvider = Discarding.tracerProvider();
        this.tracer = this.directProvider.get("bench");
        this.managed = new Discarding.ManagedTracing();
        this.manager = this.managed.manager;
    }

    /** Stops the manager and both SDKs. */
    @TearDown
    public void tearDown() {
        this.managed.close();
        this.directProvider.close();
    }

    /** The anchor: start and end an SDK span. */
    @Benchmark
    public void sdkStartEnd() {
        this.tracer.spanBuilder(SPAN_NAME).startSpan().end();
    }

    /** The anchor as the manager behaves: start an SDK span, make it current, close the scope, end it. */
    @Benchmark
    public void sdkStartCurrentEnd() {
        Span span = this.tracer.spanBuilder(SPAN_NAME).startSpan();
        try (io.opentelemetry.context.Scope scope = span.makeCurrent()) {
            // the span is current here
        }
        span.end();
    }

    /** The manager: start a span (current on the thread), close it; the lane replays it into the SDK. */
    @Benchmark
    public void managerSpan() {
        try (dev.observability.core.tracing.Span span = this.manager.startSpan(SPAN_NAME)) {
            // the span is current here
        }
    }
}
