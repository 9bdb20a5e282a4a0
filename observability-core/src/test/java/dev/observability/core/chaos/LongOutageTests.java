package dev.observability.core.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Custom adapters whose backend is down for the whole run, while the application records all the time: memory
 * stays flat, the application log carries at most one report per adapter per interval, health shows the outage,
 * and when the backend is back delivery resumes by itself.
 */
@Tag("soak")
class LongOutageTests {

    private static final Duration RUN = SoakDuration.orDefault(Duration.ofSeconds(8));

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    @Test
    void outageIsBoundedQuietVisibleAndHealsByItself() throws Exception {
        Backend backend = new Backend(false);
        ChaosAdapter breaking = new ChaosAdapter("behind-breaker", backend, backend::health);
        ChaosAdapter failing = new ChaosAdapter("failing-often", ChaosAdapter.throwingAtRandom(20));
        LaneSettings async = LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC).withQueueCapacity(1024);
        try (JulCapture log = JulCapture.of("dev.observability.core.dispatch");
                ObservabilityManager manager = ObservabilityManager.builder()
                    .adapter(breaking, async.withCircuitBreaker(new CircuitBreakerSettings(50f, 20, 10,
                            Duration.ofMillis(500), 3, Duration.ofSeconds(1))))
                    .adapter(failing, async)
                    .failureLogInterval(LOG_INTERVAL)
                    .healthSettings(new HealthSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 3))
                    .build()) {
            long startNanos = System.nanoTime();
            manager.start();
            Producers producers = new Producers(manager, 2, Duration.ofNanos(500_000));
            HeapProbe heap = new HeapProbe();
            producers.start();
            long samples = 9;
            for (int i = 0; i < samples; i++) {
                TimeUnit.NANOSECONDS.sleep(RUN.toNanos() / samples);
                heap.sample();
            }
            AdapterSnapshot breakingDuring = manager.controls().runHealthChecks().adapters().get(0);
            AdapterSnapshot failingDuring = manager.controls().adapter("failing-often").orElseThrow();
            long intervals = RUN.toMillis() / LOG_INTERVAL.toMillis() + 1;

            assertThat(producers.thrown()).isEmpty();
            assertThat(heap.growth(16L * 1024 * 1024)).isNull();
            assertThat(breakingDuring.health().status()).isEqualTo(HealthStatus.CIRCUIT_OPEN);
            assertThat(breakingDuring.health().message()).contains("Connection refused");
            assertThat(breakingDuring.total().rejectedCircuitOpen()).as("refused while open").isPositive();
            assertThat(failingDuring.total().failed()).as("failures all along").isGreaterThan(intervals * 20);
            for (String name : List.of("behind-breaker", "failing-often")) {
                // Counted over the time that really passed: on a loaded machine the run takes longer than RUN.
                long elapsedIntervals = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)
                        / LOG_INTERVAL.toMillis() + 1;
                assertThat(log.warningsMentioning("'" + name + "'")).as("reports of %s in %s", name, RUN)
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo((int) elapsedIntervals);
            }

            backend.setUp(true);
            long deliveredBefore = breakingDuring.total().delivered();
            await("delivery to resume by itself").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                AdapterSnapshot breakingNow = manager.controls().adapter("behind-breaker").orElseThrow();
                assertThat(breakingNow.circuitState()).isEqualTo("CLOSED");
                assertThat(breakingNow.total().delivered()).isGreaterThan(deliveredBefore + 1000);
                assertThat(breakingNow.health().status()).isEqualTo(HealthStatus.UP);
            });
            assertThat(producers.stop(Duration.ofSeconds(10))).isTrue();
            manager.close();
            for (AdapterSnapshot snapshot : manager.controls().adapters()) {
                for (SignalCounts counts : snapshot.counts().values()) {
                    assertThat(counts.pending()).isZero();
                }
                assertThat(snapshot.counts().get(Signal.METRICS).submitted())
                    .isEqualTo(producers.recorded(Signal.METRICS));
            }
        }
    }
}
