package dev.observability.benchmarks;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Benchmark 11, a Boot path: an Observation started and stopped on the application's {@code ObservationRegistry}
 * with two low-cardinality key-values. Without the starter ({@code boot}) Boot's default handlers make a timer and a
 * long task timer in the Prometheus registry; with it ({@code starter}) the same handlers write to Boot's composite
 * registry (Prometheus and the Micrometer bridge), and the Observation bridge hands the stopped Observation to the
 * custom adapter's ASYNC lane as a span. {@code composite} is the application without the starter but with a second
 * registry that keeps its own statistics, so Boot's handlers write through its composite registry as they do with the
 * starter: the part of the starter's cost that is Micrometer's composite and a second registry's, not the bridge's.
 */
public class BootObservationBenchmark extends BootPathBenchmark {

    /**
     * {@code boot}: the application without the starter; {@code composite}: the same with a second registry (a
     * {@code SimpleMeterRegistry}), so Boot's handlers write through its composite registry; {@code defaults}: with the
     * starter on its defaults; {@code starter}: with it and a custom adapter.
     */
    @Param({ "boot", "composite", "defaults", "starter" })
    public String variant = "starter";

    static final String NAME = "orders.place";

    private ObservationRegistry registry;

    /** Starts the application and takes its Observation registry. */
    @Setup
    public void setUp() {
        this.registry = startApplication(this.variant).bean(ObservationRegistry.class);
    }

    /**
     * An Observation started and stopped.
     * @param caller the caller's bytes and CPU time per operation
     */
    @Benchmark
    public void startStop(CallerAllocation caller) {
        caller.count();
        observe(this.registry);
    }

    static void observe(ObservationRegistry registry) {
        Observation.createNotStarted(NAME, registry)
            .lowCardinalityKeyValue("region", "eu-west")
            .lowCardinalityKeyValue("channel", "web")
            .start()
            .stop();
    }
}
