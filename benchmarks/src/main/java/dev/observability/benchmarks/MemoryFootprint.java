package dev.observability.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.spi.Labels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.openjdk.jol.info.GraphLayout;

/**
 * Benchmark 8: the bytes the manager keeps per distinct metric series and per open span, beyond what the backend
 * keeps. Each figure is the growth of the reachable object graph (JOL's {@link GraphLayout}) between
 * {@value #SMALL} and {@value #LARGE} items, divided by the difference, so everything shared (registries, the SDK,
 * the manager itself) cancels out. Open spans are closed, newest first, once their graph is measured: a manager
 * span refers to its thread, whose stack of current spans would otherwise carry one measurement's spans into the
 * next graph. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.observability.benchmarks.MemoryFootprint}.
 */
public final class MemoryFootprint {

    static final int SMALL = 2_000;

    static final int LARGE = 9_000;

    private MemoryFootprint() {
    }

    /**
     * Prints the table.
     * @param args none
     */
    public static void main(String[] args) {
        print(System.out, measure(SMALL, LARGE));
    }

    /**
     * @param small the item count of the first graph
     * @param large the item count of the second graph
     * @return each measurement, in bytes per item
     */
    static List<Row> measure(int small, int large) {
        // records hide their field offsets from Unsafe; JOL reads them another way when told to
        System.setProperty("jol.magicFieldOffset", "true");
        List<Row> rows = new ArrayList<>();
        IntFunction<Object> names = MemoryFootprint::names;
        rows.add(row("Micrometer registry alone, per series", MemoryFootprint::micrometerSeries, small, large));
        rows.add(row("manager + Micrometer adapter, per series", MemoryFootprint::managedSeries, small, large));
        rows.add(row("Micrometer registry alone, per label value", MemoryFootprint::micrometerLabelValues, small,
                large));
        rows.add(row("manager + Micrometer adapter, per label value", MemoryFootprint::managedLabelValues, small,
                large));
        Row handles = row("pre-bound manager handle, per series", MemoryFootprint::handles, small, large);
        rows.add(new Row(handles.what(), handles.bytesPerItem() - perItem(names, small, large)));
        rows.add(row("OpenTelemetry SDK span, open", MemoryFootprint::sdkOpenSpans, small, large));
        rows.add(row("OpenTelemetry SDK span, open, current, child of the previous", MemoryFootprint::sdkCurrentSpans,
                small, large));
        rows.add(row("manager span, no adapter, open", MemoryFootprint::managerOpenSpans, small, large));
        rows.add(row("manager span + its SDK span (OpenTelemetry adapter), open", MemoryFootprint::managedOpenSpans,
                small, large));
        return rows;
    }

    static void print(PrintStream out, List<Row> rows) {
        out.printf("%-60s %10s%n", "what", "bytes/item");
        for (Row row : rows) {
            out.printf("%-60s %10.1f%n", row.what(), row.bytesPerItem());
        }
    }

    private static Row row(String what, IntFunction<Object> build, int small, int large) {
        return new Row(what, perItem(build, small, large));
    }

    private static double perItem(IntFunction<Object> build, int small, int large) {
        long smallSize = sizeOf(build.apply(small));
        long largeSize = sizeOf(build.apply(large));
        return (double) (largeSize - smallSize) / (large - small);
    }

    private static long sizeOf(Object graph) {
        long size = GraphLayout.parseInstance(graph).totalSize();
        if (graph instanceof Open open) {
            open.close();
        }
        return size;
    }

    private static String seriesName(int i) {
        return "series." + i;
    }

    private static Object micrometerSeries(int count) {
        MeterRegistry registry = new SimpleMeterRegistry();
        for (int i = 0; i < count; i++) {
            registry.counter(seriesName(i), CounterBenchmark.TAGS).increment();
        }
        return registry;
    }

    private static Object managedSeries(int count) {
        MeterRegistry registry = new SimpleMeterRegistry();
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new MicrometerMetricsAdapter("micrometer", registry))
            .build();
        for (int i = 0; i < count; i++) {
            manager.counter(seriesName(i), CounterBenchmark.LABELS);
        }
        return new Object[] { manager, registry };
    }

    /** One name, a distinct value of one label per series: the application builds the tags on every call. */
    private static Object micrometerLabelValues(int count) {
        MeterRegistry registry = new SimpleMeterRegistry();
        for (int i = 0; i < count; i++) {
            registry.counter(CounterBenchmark.NAME, Tags.of("method", "GET", "user", userOf(i))).increment();
        }
        return registry;
    }

    /** One name, a distinct value of one label per series: the application builds the labels on every call. */
    private static Object managedLabelValues(int count) {
        MeterRegistry registry = new SimpleMeterRegistry();
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new MicrometerMetricsAdapter("micrometer", registry,
                    new MicrometerAdapterSettings(count, MicrometerAdapterSettings.DEFAULT_MAX_METRIC_NAMES)))
            .build();
        for (int i = 0; i < count; i++) {
            manager.counter(CounterBenchmark.NAME, Labels.of("method", "GET", "user", userOf(i)));
        }
        return new Object[] { manager, registry };
    }

    private static String userOf(int i) {
        return "user-" + i;
    }

    private static Object handles(int count) {
        ObservabilityManager manager = ObservabilityManager.builder().build();
        CounterHandle[] handles = new CounterHandle[count];
        for (int i = 0; i < count; i++) {
            handles[i] = manager.counterHandle(seriesName(i), CounterBenchmark.LABELS);
        }
        return new Object[] { manager, handles };
    }

    /** The application's own metric names, subtracted from the handles' figure: they are not the manager's. */
    private static Object names(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = seriesName(i);
        }
        return names;
    }

    private static Object sdkOpenSpans(int count) {
        SdkTracerProvider provider = Discarding.threadlessTracerProvider();
        Tracer tracer = provider.get("bench");
        io.opentelemetry.api.trace.Span[] spans = new io.opentelemetry.api.trace.Span[count];
        for (int i = 0; i < count; i++) {
            spans[i] = tracer.spanBuilder(SpanBenchmark.SPAN_NAME).startSpan();
        }
        return new Object[] { provider, spans };
    }

    /** What a manager span does in the SDK: each span a child of the previous one, current in the OTel context. */
    @SuppressWarnings("MustBeClosedChecker") // the scopes stay open while the graph is measured; Open closes them
    private static Object sdkCurrentSpans(int count) {
        SdkTracerProvider provider = Discarding.threadlessTracerProvider();
        Tracer tracer = provider.get("bench");
        io.opentelemetry.api.trace.Span[] spans = new io.opentelemetry.api.trace.Span[count];
        io.opentelemetry.context.Scope[] scopes = new io.opentelemetry.context.Scope[count];
        for (int i = 0; i < count; i++) {
            spans[i] = tracer.spanBuilder(SpanBenchmark.SPAN_NAME).startSpan();
            scopes[i] = spans[i].makeCurrent();
        }
        return new Open(new Object[] { provider, spans }, scopes);
    }

    private static Object managerOpenSpans(int count) {
        ObservabilityManager manager = ObservabilityManager.builder().build();
        return new Open(manager, openSpans(manager, count));
    }

    private static Object managedOpenSpans(int count) {
        Discarding.ManagedTracing tracing = Discarding.ManagedTracing.threadless();
        return new Open(tracing, openSpans(tracing.manager, count));
    }

    private static dev.observability.core.tracing.Span[] openSpans(ObservabilityManager manager, int count) {
        dev.observability.core.tracing.Span[] spans = new dev.observability.core.tracing.Span[count];
        for (int i = 0; i < count; i++) {
            spans[i] = manager.startSpan(SpanBenchmark.SPAN_NAME);
        }
        return spans;
    }

    /**
     * Spans or scopes kept open for one measurement, and what they belong to.
     *
     * @param owner the manager or SDK they belong to
     * @param items the spans or scopes, closed newest first after the measurement
     */
    private record Open(Object owner, AutoCloseable[] items) {

        void close() {
            for (int i = this.items.length - 1; i >= 0; i--) {
                try {
                    this.items[i].close();
                }
                catch (Exception ex) {
                    throw new IllegalStateException("closing an open span failed", ex);
                }
            }
        }
    }

    /**
     * One measurement.
     *
     * @param what what was measured
     * @param bytesPerItem the bytes each more item adds
     */
    record Row(String what, double bytesPerItem) {
    }
}
