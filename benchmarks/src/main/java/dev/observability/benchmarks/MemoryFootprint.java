package dev.observability.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import dev.observability.autoconfigure.prometheus.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.CounterHandle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.openjdk.jol.info.GraphLayout;

/**
 * Benchmark 8: the bytes the manager keeps per distinct metric series and per open span, beyond what the backend
 * keeps. Each figure is the growth of the reachable object graph (JOL's {@link GraphLayout}) between
 * {@value #SMALL} and {@value #LARGE} items, divided by the difference, so everything shared (registries, the SDK,
 * the manager itself) cancels out. Run it with
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
        print(System.out, measure());
    }

    /** @return each measurement, in bytes per item */
    static List<Row> measure() {
        // records hide their field offsets from Unsafe; JOL reads them another way when told to
        System.setProperty("jol.magicFieldOffset", "true");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Micrometer registry alone, per series", perItem(MemoryFootprint::micrometerSeries)));
        rows.add(new Row("manager + Micrometer adapter, per series", perItem(MemoryFootprint::managedSeries)));
        rows.add(new Row("pre-bound manager handle, per series",
                perItem(MemoryFootprint::handles) - perItem(MemoryFootprint::names)));
        rows.add(new Row("OpenTelemetry SDK span, open", perItem(MemoryFootprint::sdkOpenSpans)));
        rows.add(new Row("manager span, no adapter, open", perItem(MemoryFootprint::managerOpenSpans)));
        rows.add(new Row("manager span + its SDK span (OpenTelemetry adapter), open",
                perItem(MemoryFootprint::managedOpenSpans)));
        return rows;
    }

    static void print(PrintStream out, List<Row> rows) {
        out.printf("%-60s %10s%n", "what", "bytes/item");
        for (Row row : rows) {
            out.printf("%-60s %10.1f%n", row.what(), row.bytesPerItem());
        }
    }

    private static double perItem(IntFunction<Object> build) {
        long small = GraphLayout.parseInstance(build.apply(SMALL)).totalSize();
        long large = GraphLayout.parseInstance(build.apply(LARGE)).totalSize();
        return (double) (large - small) / (LARGE - SMALL);
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
        SdkTracerProvider provider = Discarding.tracerProvider();
        Tracer tracer = provider.get("bench");
        io.opentelemetry.api.trace.Span[] spans = new io.opentelemetry.api.trace.Span[count];
        for (int i = 0; i < count; i++) {
            spans[i] = tracer.spanBuilder(SpanBenchmark.SPAN_NAME).startSpan();
        }
        return new Object[] { provider, spans };
    }

    private static Object managerOpenSpans(int count) {
        ObservabilityManager manager = ObservabilityManager.builder().build();
        dev.observability.core.tracing.Span[] spans = new dev.observability.core.tracing.Span[count];
        for (int i = 0; i < count; i++) {
            spans[i] = manager.startSpan(SpanBenchmark.SPAN_NAME);
        }
        return new Object[] { manager, spans };
    }

    private static Object managedOpenSpans(int count) {
        Discarding.ManagedTracing tracing = new Discarding.ManagedTracing();
        dev.observability.core.tracing.Span[] spans = new dev.observability.core.tracing.Span[count];
        for (int i = 0; i < count; i++) {
            spans[i] = tracing.manager.startSpan(SpanBenchmark.SPAN_NAME);
        }
        return new Object[] { tracing, spans };
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
