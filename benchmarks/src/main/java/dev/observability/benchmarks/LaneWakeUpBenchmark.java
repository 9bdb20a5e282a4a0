package dev.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.CounterHandle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 13: what an event costs the application's thread on an ASYNC lane, and how often the JVM switches
 * threads for it. {@code spaced}: one event every {@value #GAP_MICROS} µs (the caller spins in between, outside the
 * measurement), so the worker has drained the queue and gone idle before each event: the case of an application
 * that is busy but not flooding the lane. {@code backToBack}: one producer recording as fast as it can, the worker
 * busy. Next to each: the JVM's context switches per 1,000 events, and for {@code backToBack} the caller's bytes and
 * CPU time per event.
 */
public class LaneWakeUpBenchmark extends FullMode {

    /** The caller's pause between two events of {@code spaced}. */
    static final long GAP_MICROS = 50;

    private final CountingMetricsAdapter adapter = new CountingMetricsAdapter("remote");

    private ObservabilityManager manager;

    private CounterHandle handle;

    /** Builds and starts a manager whose only adapter is on an ASYNC lane of the default capacity. */
    @Setup
    public void setUp() {
        this.manager = ObservabilityManager.builder().adapter(this.adapter).build();
        this.manager.start();
        this.handle = this.manager.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
    }

    /** Stops the manager. */
    @TearDown
    public void tearDown() {
        this.manager.close();
    }

    /** The caller's pause before each event of {@code spaced}, outside the measurement. */
    @State(Scope.Thread)
    public static class Gap {

        /** Spins for {@link #GAP_MICROS} (spinning, not sleeping: the caller's own wake-up is not the question). */
        @Setup(Level.Invocation)
        public void pause() {
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(GAP_MICROS);
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * One event after a pause in which the worker went idle (the caller's bytes and CPU time are not reported: they
     * would include the pause's).
     * @param gap the pause before it
     * @param switches the JVM's context switches per 1,000 events
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void spaced(Gap gap, ContextSwitches switches) {
        switches.count();
        this.handle.increment();
    }

    /**
     * Events back to back.
     * @param caller the caller's bytes and CPU time per event
     * @param switches the JVM's context switches per 1,000 events
     */
    @Benchmark
    public void backToBack(CallerAllocation caller, ContextSwitches switches) {
        caller.count();
        switches.count();
        this.handle.increment();
    }
}
