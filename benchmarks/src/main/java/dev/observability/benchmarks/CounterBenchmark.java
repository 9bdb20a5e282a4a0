package dev.observability.benchmarks;

import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.spi.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 1: a counter through the manager to a Micrometer registry, against the same counter recorded on a
 * Micrometer registry directly; once with a lookup by name and tags on every call, once pre-bound, and once with the
 * tags or labels built at the call as well, as an application writes it.
 */
public class CounterBenchmark extends FullMode {

    static final String NAME = "http.requests";

    static final Tags TAGS = Tags.of("method", "GET", "status", "200");

    static final Labels LABELS = Labels.of("method", "GET", "status", "200");

    private final MeterRegistry directRegistry = new SimpleMeterRegistry();

    private final MeterRegistry managedRegistry = new SimpleMeterRegistry();

    private ObservabilityManager manager;

    private Counter counter;

    private CounterHandle handle;

    /** Builds the registry, the manager with its Micrometer adapter, and the pre-bound counter and handle. */
    @Setup
    public void setUp() {
        this.manager = ObservabilityManager.builder().adapter(new MicrometerMetricsAdapter("micrometer", this.managedRegistry))
            .build();
        this.manager.start();
        this.counter = this.directRegistry.counter(NAME, TAGS);
        this.handle = this.manager.counterHandle(NAME, LABELS);
    }

    /** Stops the manager. */
    @TearDown
    public void tearDown() {
        this.manager.close();
    }

    /** The anchor: Micrometer's own lookup by name and tags, then increment. */
    @Benchmark
    public void micrometerDynamic() {
        this.directRegistry.counter(NAME, TAGS).increment();
    }

    /** The manager: validate, route to the Micrometer adapter's lane, which looks the counter up and increments. */
    @Benchmark
    public void managerDynamic() {
        this.manager.counter(NAME, LABELS);
    }

    /** The anchor: Micrometer's lookup with its tags built from strings at the call, then increment. */
    @Benchmark
    public void micrometerTagsAtCall() {
        this.directRegistry.counter(NAME, "method", "GET", "status", "200").increment();
    }

    /** The manager: the labels built at the call, then as {@link #managerDynamic}. */
    @Benchmark
    public void managerLabelsAtCall() {
        this.manager.counter(NAME, Labels.of("method", "GET", "status", "200"));
    }

    /** The anchor: a Micrometer counter resolved once. */
    @Benchmark
    public void micrometerBound() {
        this.counter.increment();
    }

    /** The manager: a handle resolved once. */
    @Benchmark
    public void managerBound() {
        this.handle.increment();
    }
}
