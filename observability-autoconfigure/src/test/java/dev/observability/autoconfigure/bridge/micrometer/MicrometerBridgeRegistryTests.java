package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.observability.autoconfigure.adapter.MicrometerNative;
import dev.observability.autoconfigure.bridge.EventLog;
import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerBridgeRegistryTests {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private final MicrometerBridgeRegistry bridge = new MicrometerBridgeRegistry(Clock.SYSTEM, Duration.ofHours(1));

    /** The application's registry, as Boot builds it when there is more than one backend. */
    private final CompositeMeterRegistry application = new CompositeMeterRegistry(Clock.SYSTEM);

    private final EventLog custom = new EventLog("custom", DispatchMode.INLINE);

    private final ObservabilityManager manager = ObservabilityManager.builder()
        .adapter(new MicrometerMetricsAdapter("prometheus", this.prometheus))
        .adapter(this.custom)
        .build();

    MicrometerBridgeRegistryTests() {
        this.application.add(this.prometheus);
        this.application.add(this.bridge);
        this.manager.start();
    }

    @AfterEach
    void close() {
        this.manager.close();
        this.bridge.close();
    }

    @Test
    void handsEachCounterTimerAndSummaryEventToCustomAdaptersOnce() {
        connect();
        this.application.counter("jobs.done", "queue", "a").increment(2);
        this.application.timer("jobs.time").record(30, TimeUnit.MILLISECONDS);
        DistributionSummary.builder("jobs.size").scale(10).register(this.application).record(4);
        assertThat(this.custom.lines()).containsExactly("counter jobs.done{queue=a} 2.0", "timing jobs.time{} 30ms",
                "histogram jobs.size{} 40.0");
    }

    @Test
    void doesNotFeedMicrometerNativeAdaptersWhichAlreadyHaveTheMeters() {
        connect();
        this.application.counter("jobs.done").increment();
        assertThat(this.prometheus.get("jobs.done").counter().count()).isEqualTo(1.0);
        assertThat(this.manager.controls()
            .lane("prometheus").orElseThrow().counts(dev.observability.core.spi.Signal.METRICS)
            .submitted()).isZero();
    }

    @Test
    void doesNotHandBackWhatTheManagerRecordedIntoMicrometer() {
        connect();
        this.manager.counter("orders.placed", 1, Labels.of("region", "eu"));
        assertThat(this.custom.lines()).containsExactly("counter orders.placed{region=eu} 1.0");
        assertThat(this.prometheus.get("orders.placed").counter().count()).isEqualTo(1.0);
        assertThat(this.bridge.find("orders.placed").meters()).isEmpty();
    }

    @Test
    void handsNothingOverBeforeItIsConnectedAndEverythingAfter() {
        Timer timer = this.application.timer("early.timer");
        timer.record(Duration.ofMillis(5));
        this.bridge.sampleNow();
        assertThat(this.custom.lines()).isEmpty();
        connect();
        timer.record(Duration.ofMillis(7));
        assertThat(this.custom.lines()).containsExactly("timing early.timer{} 7ms");
    }

    @Test
    void samplesGaugesOnTheInterval() {
        AtomicLong depth = this.application.gauge("queue.depth", new AtomicLong(3));
        connect();
        this.bridge.sampleNow();
        depth.set(5);
        this.bridge.sampleNow();
        assertThat(this.custom.lines()).containsExactly("gauge queue.depth{} 3.0", "gauge queue.depth{} 5.0");
    }

    @Test
    void handsFunctionCountersAndFunctionTimersOverAsTheirGrowth() {
        AtomicLong total = new AtomicLong(10);
        FunctionCounter.builder("cache.evictions", total, AtomicLong::doubleValue).register(this.application);
        AtomicLong calls = new AtomicLong(2);
        FunctionTimer.builder("pool.wait", calls, AtomicLong::get, (c) -> c.get() * 500.0, TimeUnit.MILLISECONDS)
            .register(this.application);
        connect();
        this.bridge.sampleNow();
        total.set(15);
        calls.set(3);
        this.bridge.sampleNow();
        this.bridge.sampleNow();
        assertThat(this.custom.linesStartingWith("counter cache.evictions")).containsExactly(
                "counter cache.evictions{} 10.0", "counter cache.evictions{} 5.0");
        assertThat(this.custom.linesStartingWith("counter pool.wait.count")).containsExactly(
                "counter pool.wait.count{} 2.0", "counter pool.wait.count{} 1.0");
        assertThat(this.custom.linesStartingWith("counter pool.wait.sum")).containsExactly(
                "counter pool.wait.sum{} 1.0", "counter pool.wait.sum{} 0.5");
    }

    @Test
    void samplesLongTaskTimersAsActiveTasksAndDuration() {
        LongTaskTimer.Sample running = LongTaskTimer.builder("export.running").register(this.application).start();
        connect();
        this.bridge.sampleNow();
        running.stop();
        assertThat(this.custom.linesStartingWith("gauge export.running.active")).containsExactly(
                "gauge export.running.active{} 1.0");
        assertThat(this.custom.linesStartingWith("gauge export.running.duration")).hasSize(1);
    }

    @Test
    void refusesAndCountsMetersWhoseNamesBreakTheManagersRules() {
        connect();
        this.application.counter("9 lives").increment();
        assertThat(this.custom.lines()).isEmpty();
        assertThat(this.manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
    }

    @Test
    void doesNotFeedAdaptersTheMetricsOfTheLanesOwnBreakersWhichWouldLoopForEver() {
        // Lanes' breakers in a Resilience4j registry that publishes to Micrometer, as resilience4j-spring-boot4 does.
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.ofDefaults(),
                new TaggedCircuitBreakerMetricsPublisher(this.application));
        EventLog audit = new EventLog("audit", DispatchMode.INLINE);
        ObservabilityManager withBreakers = ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(breakers))
            .adapter(audit)
            .build();
        withBreakers.start();
        try {
            this.bridge.connect(withBreakers.metricsFeed((adapter) -> !(adapter instanceof MicrometerNative)),
                    (name) -> withBreakers.controls().adapter(name).isPresent());
            this.application.counter("jobs.done").increment();
            breakers.circuitBreaker("payments").executeRunnable(() -> { });
            assertThat(audit.lines()).hasSize(2).first().isEqualTo("counter jobs.done{} 1.0");
            assertThat(audit.lines().get(1)).startsWith("timing resilience4j.circuitbreaker.calls{")
                .contains("name=payments");
        }
        finally {
            withBreakers.close();
        }
    }

    private void connect() {
        this.bridge.connect(this.manager.metricsFeed((adapter) -> !(adapter instanceof MicrometerNative)));
    }
}
