package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An INLINE lane holds back successes from its breaker while they cannot change a decision (see
 * {@link BreakerOutcomes}); the breaker must still open at exactly the configured failure rate and slow-call rate, and
 * the lane's account must stay exact. The lanes are started, so they time calls with the coarse clock (a 2 ms period
 * for the 20 ms threshold), as in an application.
 */
class HeldSuccessesTests {

    private static final Duration SLOW = Duration.ofMillis(20);

    private final ObservabilityAdapter adapter = () -> "target";

    private final List<AdapterLane> started = new ArrayList<>();

    @AfterEach
    void stopLanes() {
        this.started.forEach((lane) -> lane.stop(System.nanoTime()));
    }

    @Test
    void opensAtExactlyTheFailureRateAfterManyHeldSuccesses() {
        AdapterLane lane = opensOnTheFifthBadCallOfTenAfterHeldSuccesses(HeldSuccessesTests::fail);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(1_005, 1_000, 5, 0, 0, 0, 0));
    }

    @Test
    void opensAtExactlyTheSlowCallRateAfterManyHeldSuccesses() {
        AdapterLane lane = opensOnTheFifthBadCallOfTenAfterHeldSuccesses(HeldSuccessesTests::slow);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(1_005, 1_005, 0, 0, 0, 0, 0));
    }

    /** A window of 10 at 50 %: after 1,000 successes, 4 bad calls leave it CLOSED and the 5th opens it. */
    private AdapterLane opensOnTheFifthBadCallOfTenAfterHeldSuccesses(BiConsumer<AdapterLane, Integer> bad) {
        AdapterLane lane = lane(10, 10);
        succeed(lane, 1_000);
        assertThat(held(lane)).isPositive();
        bad.accept(lane, 4);
        CircuitBreaker.Metrics window = lane.circuitBreaker().getMetrics();
        assertThat(window.getNumberOfBufferedCalls()).isEqualTo(10);
        assertThat(window.getNumberOfFailedCalls()).isEqualTo(4);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        bad.accept(lane, 1);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        return lane;
    }

    @Test
    void aSuccessThatBringsTheWindowToItsMinimumStillOpensTheBreaker() {
        AdapterLane lane = lane(20, 10);
        fail(lane, 5);
        succeed(lane, 4);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        succeed(lane, 1);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aResetWindowIsFedEverySuccessUntilItReachesItsMinimumAgain() {
        AdapterLane lane = lane(20, 10);
        succeed(lane, 100);
        assertThat(held(lane)).isPositive();
        lane.circuitBreaker().reset();
        fail(lane, 5);
        succeed(lane, 5);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void everyCallReachesTheBreakerWhileSomeoneListensToItsEvents() {
        AdapterLane lane = lane(10, 10);
        AtomicInteger callEvents = new AtomicInteger();
        // successes and errors together: a call preempted for longer than the slow-call threshold on a loaded
        // machine is reported as a slow call (an error event), and it must reach the breaker as well
        lane.circuitBreaker().getEventPublisher().onSuccess((event) -> callEvents.incrementAndGet());
        lane.circuitBreaker().getEventPublisher().onError((event) -> callEvents.incrementAndGet());
        succeed(lane, 500);
        assertThat(callEvents).hasValue(500);
        assertThat(held(lane)).isZero();
    }

    private static long held(AdapterLane lane) {
        return lane.outcomes().held();
    }

    private static void succeed(AdapterLane lane, int calls) {
        for (int i = 0; i < calls; i++) {
            lane.submit(Signal.METRICS, (ignored) -> {
            });
        }
    }

    private static void fail(AdapterLane lane, int calls) {
        for (int i = 0; i < calls; i++) {
            lane.submit(Signal.METRICS, (ignored) -> {
                throw new IllegalStateException("backend down");
            });
        }
    }

    private static void slow(AdapterLane lane, int calls) {
        for (int i = 0; i < calls; i++) {
            // four times the threshold: slow even if the clock's thread is scheduled late on a busy machine
            lane.submit(Signal.METRICS, (ignored) -> Thread.sleep(SLOW.toMillis() * 4));
        }
    }

    private AdapterLane lane(int windowSize, int minimumCalls) {
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(50f, windowSize, minimumCalls,
                Duration.ofHours(1), 5, SLOW);
        LaneSettings settings = LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE).withCircuitBreaker(breaker);
        AdapterLane lane = StartedLanes.lane(this.adapter, EnumSet.of(Signal.METRICS), settings);
        lane.start();
        this.started.add(lane);
        return lane;
    }
}
