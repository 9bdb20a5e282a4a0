package dev.observability.core.chaos;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.observability.core.chaos.ExactAccount.assertExactAccount;
import static dev.observability.core.chaos.ExactAccount.snapshotsByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos and soak run at the core: four application threads record every signal for the whole run while the
 * adapters behind the manager are healthy, throw at random, hang until released, answer slowly, or are switched
 * off and on. The run lasts {@code -Dsoak.duration} (default 20 s; see docs/reliability.md).
 */
class ChaosSoakTests {

    private static final Duration RUN = SoakDuration.orDefault(Duration.ofSeconds(20));

    private static final int HEAP_SAMPLES = 15;

    private static final long HEAP_MARGIN = 16L * 1024 * 1024;

    /** Quick to open and to probe again, so the breakers move through their states many times in a run. */
    private static final CircuitBreakerSettings TWITCHY_BREAKER = new CircuitBreakerSettings(50f, 20, 10,
            Duration.ofMillis(300), 3, Duration.ofMillis(200));

    @Test
    @Tag("soak")
    void applicationIsUnharmedHealthyAdaptersGetEverythingAndNothingLeaks() throws Exception {
        LiveThreads threadsBefore = LiveThreads.now();
        ChaosAdapter healthyInline = new ChaosAdapter("healthy-inline", ChaosAdapter.healthy());
        ChaosAdapter healthyAsync = new ChaosAdapter("healthy-async", ChaosAdapter.healthy());
        ChaosAdapter throwing = new ChaosAdapter("throwing", ChaosAdapter.throwingAtRandom(40));
        HangGate gate = new HangGate(20_000);
        ChaosAdapter hanging = new ChaosAdapter("hanging", gate);
        ChaosAdapter slow = new ChaosAdapter("slow", ChaosAdapter.slow(Duration.ofMillis(1)));
        ChaosAdapter toggled = new ChaosAdapter("toggled", ChaosAdapter.healthy());
        List<ChaosAdapter> adapters = List.of(healthyInline, healthyAsync, throwing, hanging, slow, toggled);
        LaneSettings chaos = LaneSettings.DEFAULTS.withCircuitBreaker(TWITCHY_BREAKER).withQueueCapacity(1024);
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(healthyInline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(healthyAsync, LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC).withQueueCapacity(1 << 16))
            .adapter(new JsonLoggingAdapter("json", OutputStream.nullOutputStream()),
                    LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(throwing, chaos.withDispatch(DispatchMode.ASYNC))
            .adapter(hanging, chaos.withDispatch(DispatchMode.ASYNC))
            .adapter(slow, chaos.withDispatch(DispatchMode.ASYNC))
            .adapter(toggled, chaos.withDispatch(DispatchMode.INLINE))
            .healthSettings(new HealthSettings(Duration.ofMillis(250), Duration.ofSeconds(1), 3))
            .shutdownTimeout(Duration.ofSeconds(10))
            .build();
        manager.start();

        Producers producers = new Producers(manager, 4, Duration.ofNanos(200_000));
        ScheduledExecutorService chaosMonkey = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean toggledOn = new AtomicBoolean(true);
        chaosMonkey.scheduleWithFixedDelay(() -> manager.controls()
            .setEnabled("toggled", toggledOn.compareAndSet(false, true)
                || !toggledOn.compareAndSet(true, false)), 250, 250, TimeUnit.MILLISECONDS);
        chaosMonkey.scheduleWithFixedDelay(gate::release, 1500, 1500, TimeUnit.MILLISECONDS);
        HeapProbe heap = new HeapProbe();
        List<AdapterSnapshot> duringRun = new ArrayList<>();

        producers.start();
        long sampleEvery = RUN.toNanos() / HEAP_SAMPLES;
        for (int i = 0; i < HEAP_SAMPLES; i++) {
            TimeUnit.NANOSECONDS.sleep(sampleEvery);
            heap.sample();
            duringRun.addAll(manager.controls().adapters());
        }
        boolean producersEnded = producers.stop(Duration.ofSeconds(30));
        chaosMonkey.shutdownNow();
        assertThat(chaosMonkey.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        gate.open();
        manager.controls().setEnabled("toggled", true);
        manager.close();

        Map<String, AdapterSnapshot> snapshots = snapshotsByName(manager);
        SoakSummary.print("soak", RUN, producers, heap, snapshots.values());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(producersEnded).as("every producer ended: no recording blocked").isTrue();
        softly.assertThat(producers.thrown()).as("exceptions the application saw").isEmpty();
        softly.assertThat(producers.recorded(Signal.LOGGING)).as("rounds recorded").isPositive();
        for (ChaosAdapter adapter : adapters) {
            assertExactAccount(softly, snapshots.get(adapter.name()), adapter, producers);
        }
        for (ChaosAdapter healthy : List.of(healthyInline, healthyAsync)) {
            for (Signal signal : EnumSet.of(Signal.METRICS, Signal.TRACING, Signal.LOGGING)) {
                softly.assertThat(healthy.calls(signal)).as("%s received every %s event", healthy, signal)
                    .isEqualTo(producers.recorded(signal));
            }
        }
        softly.assertThat(snapshots.get("json").counts().get(Signal.LOGGING).delivered())
            .as("the JSON logger wrote every log event").isEqualTo(producers.recorded(Signal.LOGGING));
        long healthReports = snapshots.get("healthy-inline").counts().get(Signal.HEALTH).submitted();
        softly.assertThat(healthReports).as("health cycles published").isPositive();
        for (ChaosAdapter adapter : adapters) {
            softly.assertThat(snapshots.get(adapter.name()).counts().get(Signal.HEALTH).submitted())
                .as("%s was offered every health report", adapter).isEqualTo(healthReports);
        }
        softly.assertThat(gate.hangs()).as("the hanging adapter did hang").isPositive();
        softly.assertThat(snapshots.get("slow").total().dropped()).as("the slow adapter's queue overflowed")
            .isPositive();
        softly.assertThat(snapshots.get("throwing").total().failed()).as("the throwing adapter failed").isPositive();
        softly.assertThat(snapshots.get("toggled").total().rejectedDisabled()).as("the toggled adapter was off")
            .isPositive();
        softly.assertThat(duringRun).as("snapshots taken during the run").flatMap((snapshot) -> snapshot.counts()
            .values()).allSatisfy((counts) -> assertThat(counts.pending()).isNotNegative());
        softly.assertThat(heap.growth(HEAP_MARGIN)).as("heap growth across the run").isNull();
        softly.assertAll();

        await("observability threads to end").atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(threadsBefore.startedSince("observability")).isEmpty());
    }

    @Test
    void heapJudgementFailsWhenMemoryGrowsAndPassesWhenFlat() {
        List<Long> flat = new ArrayList<>();
        List<Long> growing = new ArrayList<>();
        for (long i = 0; i < 15; i++) {
            flat.add(40_000_000 + (i % 3) * 1_000_000);
            growing.add(40_000_000 + i * 4_000_000);
        }
        assertThat(HeapProbe.growth(flat, HEAP_MARGIN)).isNull();
        assertThat(HeapProbe.growth(growing, HEAP_MARGIN)).contains("grew from");
    }
}
