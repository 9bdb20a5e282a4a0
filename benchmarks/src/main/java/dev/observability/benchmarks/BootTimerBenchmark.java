package dev.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Benchmark 10, a Boot path: {@code Timer.record} on the application's meter registry, a timer tagged as Boot's
 * {@code http.server.requests}. Without the starter ({@code boot}) that registry is Boot's Prometheus registry
 * alone; with it ({@code starter}) Boot's composite of the Prometheus registry and the starter's Micrometer bridge,
 * which hands each recording to the custom adapter's ASYNC lane. {@code composite} is the application without the
 * starter but with a second registry that keeps its own statistics, so Boot records through its composite registry as
 * it does with the starter: the part of the starter's cost that is the composite's and a second registry's own, not
 * the bridge's. {@code record} is a timer held by the caller,
 * {@code lookupAndRecord} finds it by name and tags first, as Boot's Observation handler does on every request, and
 * {@code activeStartStop} starts and stops the long task timer that handler keeps next to it for every Observation
 * (Boot's {@code http.server.requests.active}).
 */
public class BootTimerBenchmark extends BootPathBenchmark {

    /**
     * {@code boot}: the application without the starter; {@code composite}: the same with a second registry that keeps
     * its own statistics (a {@code SimpleMeterRegistry}), so Boot records through its composite registry, as it does
     * with the starter; {@code starter}: with the starter and a custom adapter.
     */
    @Param({ "boot", "composite", "defaults", "starter" })
    public String variant = "starter";

    static final String NAME = "http.server.requests";

    static final String ACTIVE_NAME = NAME + ".active";

    static final Tags TAGS = Tags.of("exception", "none", "method", "GET", "outcome", "SUCCESS", "status", "200", "uri",
            "/orders/{id}");

    private MeterRegistry registry;

    private Timer timer;

    private long nanos = 1_000_000;

    /** Starts the application and registers the timer in its registry. */
    @Setup
    public void setUp() {
        this.registry = startApplication(this.variant).bean(MeterRegistry.class);
        this.timer = this.registry.timer(NAME, TAGS);
    }

    /**
     * A timer the caller holds.
     * @param caller the caller's bytes and CPU time per operation
     */
    @Benchmark
    public void record(CallerAllocation caller) {
        caller.count();
        this.timer.record(nextNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The timer found by name and tags, then recorded.
     * @param caller the caller's bytes and CPU time per operation
     */
    @Benchmark
    public void lookupAndRecord(CallerAllocation caller) {
        caller.count();
        this.registry.timer(NAME, TAGS).record(nextNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The long task timer found by name and tags, started and stopped, as Boot's Observation handler does with the
     * {@code .active} timer of every Observation.
     * @param caller the caller's bytes and CPU time per operation
     */
    @Benchmark
    public void activeStartStop(CallerAllocation caller) {
        caller.count();
        this.registry.more().longTaskTimer(ACTIVE_NAME, TAGS).start().stop();
    }

    /** A duration that changes between calls (1 to 2 ms), as request times do. */
    private long nextNanos() {
        long next = this.nanos + 7919;
        this.nanos = (next > 2_000_000) ? 1_000_000 : next;
        return next;
    }
}
