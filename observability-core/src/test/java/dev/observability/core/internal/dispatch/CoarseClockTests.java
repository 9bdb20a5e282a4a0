package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.chaos.LiveThreads;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lanes' coarse clock: its period follows the smallest slow-call threshold held, it is never ahead of
 * {@link System#nanoTime()}, it ticks only while held, and its thread ends with the last holder (a closed manager
 * leaves no thread). Lanes time their calls with it while started, and the slow-call rule still holds.
 */
class CoarseClockTests {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final CoarseClock clock = new CoarseClock("test-coarse-clock");

    @Test
    void periodIsATenthOfTheThresholdAtMost100MillisAndNoneUnder10Millis() {
        assertThat(CoarseClock.periodFor(Duration.ofSeconds(1))).isEqualTo(100 * MILLI);
        assertThat(CoarseClock.periodFor(Duration.ofHours(1))).isEqualTo(100 * MILLI);
        assertThat(CoarseClock.periodFor(Duration.ofMillis(200))).isEqualTo(20 * MILLI);
        assertThat(CoarseClock.periodFor(Duration.ofMillis(10))).isEqualTo(MILLI);
        assertThat(CoarseClock.periodFor(Duration.ofMillis(9))).as("precise timing below 10 ms").isZero();
    }

    @Test
    void readsSystemNanoTimeWhileNobodyHoldsIt() {
        long before = System.nanoTime();
        long now = this.clock.now();
        long after = System.nanoTime();
        assertThat(now).isBetween(before, after);
        assertThat(clockThreadAlive()).isFalse();
    }

    @Test
    void ticksWhileHeldAndIsNeverAheadOfSystemNanoTime() {
        this.clock.hold(MILLI);
        try {
            long first = this.clock.now();
            assertThat(first).isLessThanOrEqualTo(System.nanoTime());
            assertThat(this.clock.now()).as("a read between two ticks returns the last tick").isEqualTo(first);
            await().atMost(Duration.ofSeconds(5)).until(() -> this.clock.now() > first);
            for (int i = 0; i < 1_000; i++) {
                long coarse = this.clock.now();
                assertThat(coarse).isLessThanOrEqualTo(System.nanoTime());
            }
        }
        finally {
            this.clock.release(MILLI);
        }
    }

    @Test
    void ticksAtTheShortestPeriodHeldAndSlowsDownWhenItIsReleased() {
        this.clock.hold(100 * MILLI);
        this.clock.hold(5 * MILLI);
        assertThat(this.clock.periodNanos()).isEqualTo(5 * MILLI);
        this.clock.release(5 * MILLI);
        assertThat(this.clock.periodNanos()).isEqualTo(100 * MILLI);
        this.clock.release(100 * MILLI);
    }

    @Test
    void theThreadEndsWhenTheLastHolderLetsGoAndStartsAgainForTheNext() {
        this.clock.hold(10 * MILLI);
        this.clock.hold(10 * MILLI);
        this.clock.release(10 * MILLI);
        assertThat(clockThreadAlive()).as("one holder left").isTrue();
        this.clock.release(10 * MILLI);
        assertThat(clockThreadAlive()).as("released by the last holder: ended and joined").isFalse();
        this.clock.release(10 * MILLI);
        assertThat(clockThreadAlive()).as("an extra release is ignored").isFalse();
        long before = System.nanoTime();
        this.clock.hold(10 * MILLI);
        assertThat(clockThreadAlive()).isTrue();
        assertThat(this.clock.now()).as("the first tick is taken when the clock starts again").isGreaterThan(before);
        this.clock.release(10 * MILLI);
        assertThat(clockThreadAlive()).isFalse();
    }

    @Test
    void aClosedManagerLeavesNoClockThread() {
        LiveThreads before = LiveThreads.now();
        ObservabilityManager manager = ObservabilityManager.builder().adapter(new NoopMetricsAdapter()).build();
        manager.start();
        manager.counter("jobs", Labels.empty());
        assertThat(CoarseClock.SHARED.periodNanos()).as("the default 1 s threshold").isLessThanOrEqualTo(100 * MILLI);
        manager.close();
        assertThat(before.startedSince("observability-clock")).isEmpty();
    }

    @Test
    void aStartedLaneTimesWithTheCoarseClockAndStillCountsSlowCalls() {
        // 50 ms threshold: a 5 ms period. A 150 ms call is slow by any reading of the clock; an instant one is not.
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(50f, 100, 100, Duration.ofHours(1), 5,
                Duration.ofMillis(50));
        AdapterLane lane = StartedLanes.lane(() -> "timed", EnumSet.of(Signal.METRICS),
                LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE).withCircuitBreaker(breaker));
        lane.start();
        try {
            assertThat(CoarseClock.SHARED.periodNanos()).isLessThanOrEqualTo(5 * MILLI);
            lane.submit(Signal.METRICS, (ignored) -> Thread.sleep(150));
            lane.submit(Signal.METRICS, (ignored) -> {
            });
            CircuitBreaker.Metrics window = lane.circuitBreaker().getMetrics();
            assertThat(window.getNumberOfSlowCalls()).isEqualTo(1);
            assertThat(window.getNumberOfFailedCalls()).as("the slow call, reported as a failure").isEqualTo(1);
            assertThat(window.getNumberOfSuccessfulCalls()).isEqualTo(1);
            assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(2, 2, 0, 0, 0, 0, 0));
        }
        finally {
            lane.stop(System.nanoTime());
        }
    }

    private static boolean clockThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
            .anyMatch((thread) -> thread.isAlive() && thread.getName().equals("test-coarse-clock"));
    }
}
