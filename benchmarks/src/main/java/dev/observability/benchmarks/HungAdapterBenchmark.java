package dev.observability.benchmarks;

import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 7: the caller's cost of {@code counter()} with two adapters, a Micrometer adapter (INLINE) and a remote
 * stand-in on an ASYNC lane, while the remote one is healthy and while it hangs in every call (its queue fills,
 * then every event for it is dropped and counted).
 */
public class HungAdapterBenchmark extends FullMode {

    /** Whether the ASYNC adapter answers or hangs. */
    @Param({ "healthy", "hung" })
    public String remote = "healthy";

    private final CountingMetricsAdapter remoteAdapter = new CountingMetricsAdapter("remote");

    private ObservabilityManager manager;

    /** Builds the manager; hangs the remote adapter when asked. */
    @Setup
    public void setUp() {
        if ("hung".equals(this.remote)) {
            this.remoteAdapter.hang();
        }
        this.manager = ObservabilityManager.builder()
            .adapter(new MicrometerMetricsAdapter("micrometer", new SimpleMeterRegistry()))
            .adapter(this.remoteAdapter)
            .shutdownTimeout(java.time.Duration.ofMillis(100))
            .build();
        this.manager.start();
    }

    /** Releases the remote adapter and stops the manager. */
    @TearDown
    public void tearDown() {
        this.remoteAdapter.release();
        this.manager.close();
    }

    /** One counter increment, looked up by name and labels. */
    @Benchmark
    public void counter() {
        this.manager.counter(CounterBenchmark.NAME, CounterBenchmark.LABELS);
    }
}
