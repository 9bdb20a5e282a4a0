package dev.observability.benchmarks;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.metrics.CounterHandle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 2: what the manager costs when no backend is configured, against an empty method; and, for
 * comparison, with the built-in no-op metrics adapter on an INLINE lane (the lane's switch, breaker and account).
 */
public class NoopManagerBenchmark extends FullMode {

    private ObservabilityManager empty;

    private ObservabilityManager withNoop;

    private CounterHandle emptyHandle;

    private CounterHandle noopHandle;

    /** Builds a manager without adapters and one with the no-op metrics adapter. */
    @Setup
    public void setUp() {
        this.empty = ObservabilityManager.builder().build();
        this.empty.start();
        this.withNoop = ObservabilityManager.builder().adapter(new NoopMetricsAdapter()).build();
        this.withNoop.start();
        this.emptyHandle = this.empty.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
        this.noopHandle = this.withNoop.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
    }

    /** Stops both managers. */
    @TearDown
    public void tearDown() {
        this.empty.close();
        this.withNoop.close();
    }

    /** The anchor: a call that does nothing. */
    @Benchmark
    public void emptyMethod() {
        // intentionally empty: the floor of a benchmark call
    }

    /** No adapter, lookup by name and labels. */
    @Benchmark
    public void noAdapterDynamic() {
        this.empty.counter(CounterBenchmark.NAME, CounterBenchmark.LABELS);
    }

    /** No adapter, pre-bound handle. */
    @Benchmark
    public void noAdapterBound() {
        this.emptyHandle.increment();
    }

    /** The no-op adapter on an INLINE lane, pre-bound handle. */
    @Benchmark
    public void noopAdapterBound() {
        this.noopHandle.increment();
    }
}
