package dev.observability.benchmarks;

import java.time.Duration;

import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 15: a long task timer with no percentiles or histogram started and stopped, as Boot does for the
 * {@code .active} timer of every Observation ({@code http.server.requests.active} for every request) in each registry
 * of its composite. {@code micrometer} is Micrometer's {@code DefaultLongTaskTimer}, the one of Prometheus's and
 * every other registry; {@code bridge} is the Micrometer bridge registry's own. Run with {@code -t 2} (or more) for
 * what threads starting and stopping on different cores at once cost each other.
 */
public class LongTaskTimerBenchmark extends FullMode {

    /** {@code micrometer}: Micrometer's own long task timer; {@code bridge}: the bridge registry's. */
    @Param({ "micrometer", "bridge" })
    public String timer = "bridge";

    MeterRegistry registry;

    private LongTaskTimer longTaskTimer;

    /** Makes the registry and its long task timer. */
    @Setup
    public void setUp() {
        this.registry = registry(this.timer);
        this.longTaskTimer = this.registry.more().longTaskTimer(BootTimerBenchmark.ACTIVE_NAME, BootTimerBenchmark.TAGS);
    }

    /** Closes the registry. */
    @TearDown
    public void tearDown() {
        this.registry.close();
    }

    /**
     * A task started and stopped.
     * @return its duration in nanoseconds
     */
    @Benchmark
    public long startStop() {
        return this.longTaskTimer.start().stop();
    }

    static MeterRegistry registry(String timer) {
        return switch (timer) {
            case "micrometer" -> new SimpleMeterRegistry();
            case "bridge" -> new MicrometerBridgeRegistry(Clock.SYSTEM, Duration.ofHours(1));
            default -> throw new IllegalArgumentException("timer is micrometer or bridge, was " + timer);
        };
    }
}
