package dev.observability.core.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static dev.observability.core.chaos.ExactAccount.assertExactAccount;
import static dev.observability.core.chaos.ExactAccount.snapshotsByName;

/**
 * Settings changed at runtime under load: four producers record every signal while another thread changes, a
 * thousand times, the breaker settings, the queue capacity and the signal switches (and the dispatch mode of the
 * throwing one) of a throwing, a slow and a healthy adapter. No producer sees an exception, every adapter's account
 * is exact at the end, and the healthy adapter received every event that came while its switches were on.
 */
class RuntimeChangesChaosTests {

    private static final int CHANGES = 1000;

    /** Quick to open and to probe again, so the breakers move through their states while their settings change. */
    private static final CircuitBreakerSettings TWITCHY = new CircuitBreakerSettings(50f, 20, 10,
            Duration.ofMillis(300), 3, Duration.ofMillis(200));

    /** Large enough for every event of the run, so the healthy adapter never drops one. */
    private static final int HEALTHY_CAPACITY = 1 << 18;

    @Test
    void aThousandChangesUnderLoadHarmNoProducerAndKeepEveryAccountExact() throws Exception {
        ChaosAdapter healthy = new ChaosAdapter("healthy", ChaosAdapter.healthy());
        ChaosAdapter throwing = new ChaosAdapter("throwing", ChaosAdapter.throwingAtRandom(40));
        ChaosAdapter slow = new ChaosAdapter("slow", ChaosAdapter.slow(Duration.ofMillis(1)));
        List<ChaosAdapter> adapters = List.of(healthy, throwing, slow);
        LaneSettings async = LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC);
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(healthy, async.withQueueCapacity(HEALTHY_CAPACITY).withCircuitBreaker(
                    CircuitBreakerSettings.DEFAULTS.withSlowCallDurationThreshold(Duration.ofMinutes(1))))
            .adapter(throwing, async.withQueueCapacity(1024).withCircuitBreaker(TWITCHY))
            .adapter(slow, async.withQueueCapacity(256).withCircuitBreaker(TWITCHY))
            .healthSettings(new HealthSettings(Duration.ofMillis(250), Duration.ofSeconds(1), 3))
            .shutdownTimeout(Duration.ofSeconds(20))
            .build();
        manager.start();
        Producers producers = new Producers(manager, 4, Duration.ofNanos(200_000));
        List<Throwable> changeErrors = new CopyOnWriteArrayList<>();
        try (JulCapture changesLog = JulCapture.of(ObservabilityManager.class.getName()).silenced()) {
            producers.start();
            Thread changer = new Thread(() -> change(manager, adapters, changeErrors), "settings-changer");
            changer.start();
            changer.join(TimeUnit.MINUTES.toMillis(2));
            for (ChaosAdapter adapter : adapters) {
                manager.controls().changeSettings(adapter.name(), resetAll());
            }
            boolean producersEnded = producers.stop(Duration.ofSeconds(30));
            manager.close();

            Map<String, AdapterSnapshot> snapshots = snapshotsByName(manager);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(changer.isAlive()).as("the changes ended").isFalse();
            softly.assertThat(changeErrors).as("what the changes threw").isEmpty();
            softly.assertThat(producersEnded).as("every producer ended: no recording blocked").isTrue();
            softly.assertThat(producers.thrown()).as("exceptions the application saw").isEmpty();
            softly.assertThat(changesLog.messages()).as("a line per change that changed something")
                .hasSizeGreaterThan(CHANGES / 2);
            for (ChaosAdapter adapter : adapters) {
                assertExactAccount(softly, snapshots.get(adapter.name()), adapter, producers);
                softly.assertThat(manager.controls().lane(adapter.name()).orElseThrow().settingsChanges())
                    .as("%s settings changed", adapter).isPositive();
            }
            assertHealthyGotEverythingWhileOn(softly, snapshots.get("healthy"));
            softly.assertThat(snapshots.get("throwing").total().failed()).as("the throwing adapter failed")
                .isPositive();
            softly.assertThat(snapshots.get("slow").total().dropped()).as("the slow adapter's queue overflowed")
                .isPositive();
            softly.assertAll();
        }
    }

    /** Delivered or refused because a switch was off: nothing dropped, failed or refused by its breaker. */
    private static void assertHealthyGotEverythingWhileOn(SoftAssertions softly, AdapterSnapshot healthy) {
        long switchedOff = 0;
        for (Map.Entry<Signal, SignalCounts> entry : healthy.counts().entrySet()) {
            SignalCounts counts = entry.getValue();
            softly.assertThat(counts.delivered() + counts.rejectedDisabled())
                .as("healthy %s: every event delivered while on: %s", entry.getKey(), counts)
                .isEqualTo(counts.submitted());
            switchedOff += counts.rejectedDisabled();
        }
        softly.assertThat(switchedOff).as("the healthy adapter's switches were off at times").isPositive();
    }

    private static void change(ObservabilityManager manager, List<ChaosAdapter> adapters, List<Throwable> errors) {
        Random random = new Random(19);
        for (int i = 0; i < CHANGES; i++) {
            ChaosAdapter adapter = adapters.get(i % adapters.size());
            boolean healthy = adapter.name().equals("healthy");
            try {
                manager.controls()
                    .changeSettings(adapter.name(), randomChange(random, (i / adapters.size()) % 4, healthy,
                        adapter.name().equals("throwing")).by("chaos"));
                TimeUnit.MICROSECONDS.sleep(500);
            }
            catch (Throwable ex) {
                errors.add(ex);
            }
        }
    }

    private static SettingsChange<LaneSettings> randomChange(Random random, int kind, boolean healthy,
            boolean mayInline) {
        return switch (kind) {
            case 0 -> SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 10f + random.nextInt(81))
                .set(LaneSetting.SLIDING_WINDOW_SIZE, 10 + random.nextInt(91))
                .set(LaneSetting.MINIMUM_NUMBER_OF_CALLS, 5 + random.nextInt(46))
                .set(LaneSetting.WAIT_DURATION_IN_OPEN_STATE, Duration.ofMillis(50 + random.nextInt(451)))
                .set(LaneSetting.PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE, 1 + random.nextInt(5))
                .set(LaneSetting.SLOW_CALL_DURATION_THRESHOLD,
                        healthy ? Duration.ofMinutes(1 + random.nextInt(2)) : Duration.ofMillis(50 + random.nextInt(251)));
            case 1 -> SettingsChange.of(LaneSetting.QUEUE_CAPACITY,
                    healthy ? HEALTHY_CAPACITY + random.nextInt(HEALTHY_CAPACITY) : 16 + random.nextInt(2033));
            case 2 -> SettingsChange.of(LaneSetting.signal(Signal.values()[random.nextInt(Signal.values().length)]),
                    random.nextBoolean());
            default -> {
                SettingsChange<LaneSettings> change = SettingsChange.of(LaneSetting.ENABLED, random.nextInt(4) != 0);
                yield mayInline ? change.set(LaneSetting.DISPATCH_MODE,
                        random.nextBoolean() ? DispatchMode.INLINE : DispatchMode.ASYNC) : change;
            }
        };
    }

    private static SettingsChange<LaneSettings> resetAll() {
        SettingsChange<LaneSettings> change = SettingsChange.none();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            change = change.reset(setting);
        }
        return change;
    }
}
