package dev.observability.benchmarks;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.metrics.CounterHandle;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 4: the caller's cost of an event refused by an open circuit: once with the breaker forced open (an
 * operator's switch), once opened by failures (Resilience4j's OPEN state, which checks the clock for its wait).
 */
public class CircuitOpenBenchmark extends FullMode {

    private static final LaneSettings LONG_OPEN = LaneSettings.DEFAULTS.withCircuitBreaker(
            new CircuitBreakerSettings(50f, 100, 20, Duration.ofHours(1), 5, Duration.ofSeconds(1)));

    /** Where the lanes' breakers are made, so that the set-up can open them. */
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    private ObservabilityManager forcedManager;

    private ObservabilityManager trippedManager;

    private CounterHandle forced;

    private CounterHandle tripped;

    /** Builds two lanes and opens their breakers, one forced, one tripped. */
    @Setup
    public void setUp() {
        this.forcedManager = managerWith("forced");
        this.breakers.find("forced").orElseThrow().transitionToForcedOpenState();
        this.forced = this.forcedManager.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
        this.trippedManager = managerWith("tripped");
        this.breakers.find("tripped").orElseThrow().transitionToOpenState();
        this.tripped = this.trippedManager.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
    }

    private ObservabilityManager managerWith(String adapterName) {
        ObservabilityManager manager = ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(this.breakers))
            .adapter(new CountingMetricsAdapter(adapterName), LONG_OPEN)
            .build();
        manager.start();
        return manager;
    }

    /** Stops both managers. */
    @TearDown
    public void tearDown() {
        this.forcedManager.close();
        this.trippedManager.close();
    }

    /** A refused event, breaker FORCED_OPEN. */
    @Benchmark
    public void forcedOpen() {
        this.forced.increment();
    }

    /** A refused event, breaker OPEN for an hour. */
    @Benchmark
    public void open() {
        this.tripped.increment();
    }
}
