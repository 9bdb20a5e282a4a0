package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ASYNC worker counts each delivered event at once with a single-writer counter, queues each event with its
 * signal in a slot of its ring, and records each outcome in the breaker: the account must stay exact per signal,
 * visible while a later call hangs, and the breaker must open at exactly its failure rate.
 */
class AsyncWorkerAccountingTests {

    private final AtomicInteger calls = new AtomicInteger();

    private final ObservabilityAdapter adapter = () -> "remote";

    @RegisterExtension
    final StartedLanes started = new StartedLanes();

    @Test
    void aLaneOfSeveralSignalsCountsEachQueuedEventUnderItsOwnSignal() {
        AdapterLane lane = asyncLane(EnumSet.of(Signal.METRICS, Signal.LOGGING), CircuitBreakerSettings.DEFAULTS);
        for (int i = 0; i < 300; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.calls.incrementAndGet());
            if (i % 3 != 0) {
                lane.submit(Signal.LOGGING, (ignored) -> this.calls.incrementAndGet());
            }
        }
        awaitSettled(lane);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(300, 300, 0, 0, 0, 0, 0));
        assertThat(lane.counts(Signal.LOGGING)).isEqualTo(new SignalCounts(200, 200, 0, 0, 0, 0, 0));
        assertThat(this.calls).hasValue(500);
    }

    @Test
    void eventsDeliveredBeforeAHangingCallAreCountedWhileItHangs() throws InterruptedException {
        AdapterLane lane = notStartedAsyncLane(EnumSet.of(Signal.METRICS), CircuitBreakerSettings.DEFAULTS);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 10; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.calls.incrementAndGet());
        }
        lane.submit(Signal.METRICS, (ignored) -> {
            entered.countDown();
            release.await();
        });
        lane.submit(Signal.METRICS, (ignored) -> this.calls.incrementAndGet());
        lane.start(); // all twelve are queued: the worker takes them in one batch
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lane.counts(Signal.METRICS)).as("the ten before the hang, in the same batch, are delivered")
            .isEqualTo(new SignalCounts(12, 10, 0, 0, 0, 0, 2));
        release.countDown();
        awaitSettled(lane);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(12, 12, 0, 0, 0, 0, 0));
        assertThat(this.calls).hasValue(11);
    }

    @Test
    void theBreakerOpensOnExactlyTheFifthFailureOfTenAfterManySuccesses() {
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(50f, 10, 10, Duration.ofHours(1), 5,
                Duration.ofSeconds(1));
        AdapterLane lane = asyncLane(EnumSet.of(Signal.METRICS), breaker);
        for (int i = 0; i < 1_000; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.calls.incrementAndGet());
        }
        awaitSettled(lane);
        fail(lane, 4);
        CircuitBreaker.Metrics window = lane.circuitBreaker().getMetrics();
        assertThat(window.getNumberOfBufferedCalls()).isEqualTo(10);
        assertThat(window.getNumberOfFailedCalls()).isEqualTo(4);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(lane, 1);
        assertThat(lane.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(1_005, 1_000, 5, 0, 0, 0, 0));
    }

    private void fail(AdapterLane lane, int calls) {
        for (int i = 0; i < calls; i++) {
            lane.submit(Signal.METRICS, (ignored) -> {
                throw new IllegalStateException("backend down");
            });
            awaitSettled(lane);
        }
    }

    private static void awaitSettled(AdapterLane lane) {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> lane.signals().stream().allMatch((signal) -> lane.counts(signal).pending() == 0));
    }

    private AdapterLane asyncLane(Set<Signal> signals, CircuitBreakerSettings breaker) {
        AdapterLane lane = notStartedAsyncLane(signals, breaker);
        lane.start();
        return lane;
    }

    private AdapterLane notStartedAsyncLane(Set<Signal> signals, CircuitBreakerSettings breaker) {
        LaneSettings settings = LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC).withCircuitBreaker(breaker);
        AdapterLane lane = StartedLanes.lane(this.adapter, signals, settings);
        this.started.add(lane);
        return lane;
    }
}
