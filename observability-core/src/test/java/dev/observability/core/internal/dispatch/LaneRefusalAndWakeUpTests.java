package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane's two cheap paths: refusing while the breaker is open without Resilience4j's per-refusal event (see
 * {@link BreakerGateTests}), and waking a parked worker once per burst; neither may change what is delivered or
 * counted.
 */
class LaneRefusalAndWakeUpTests {

    private final LongAdder received = new LongAdder();

    private final ObservabilityAdapter adapter = () -> "target";

    @Test
    void forcedOpenRefusesAndCountsWithoutBreakerEvents() {
        AdapterLane lane = lane(DispatchMode.INLINE, Duration.ofSeconds(30));
        AtomicInteger notPermittedEvents = new AtomicInteger();
        lane.circuitBreaker().getEventPublisher().onCallNotPermitted((event) -> notPermittedEvents.incrementAndGet());
        lane.circuitBreaker().transitionToForcedOpenState();
        for (int i = 0; i < 100; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
        }
        assertThat(lane.counts(Signal.METRICS).rejectedCircuitOpen()).isEqualTo(100);
        assertThat(this.received.sum()).isZero();
        assertThat(notPermittedEvents).hasValue(0);
    }

    @Test
    void openBreakerRefusesAndCountsEveryEvent() {
        AdapterLane lane = lane(DispatchMode.INLINE, Duration.ofHours(1));
        lane.start(); // the breaker's gate reads the coarse clock of a started lane
        lane.circuitBreaker().transitionToOpenState();
        for (int i = 0; i < 10_000; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
        }
        assertThat(lane.counts(Signal.METRICS).rejectedCircuitOpen()).isEqualTo(10_000);
        assertThat(this.received.sum()).isZero();
        lane.stop(System.nanoTime());
    }

    @Test
    void openBreakerStillMovesToHalfOpenAfterItsWaitAndLetsAProbeThrough() {
        AdapterLane lane = lane(DispatchMode.INLINE, Duration.ofMillis(500));
        lane.start(); // late by at most 1 ms plus one tick of the coarse clock (100 ms for the 1 s threshold)
        lane.circuitBreaker().transitionToOpenState();
        lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
        assertThat(this.received.sum()).isZero();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).untilAsserted(() -> {
            lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
            assertThat(this.received.sum()).isPositive();
        });
        assertThat(lane.circuitBreaker().getState()).isIn(CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED);
        lane.stop(System.nanoTime());
    }

    @Test
    void burstsAfterIdlePeriodsFromManyProducersAreAllDelivered() throws InterruptedException {
        AdapterLane lane = lane(DispatchMode.ASYNC, Duration.ofSeconds(30));
        lane.start();
        int producers = 4;
        int bursts = 20;
        int perBurst = 50;
        for (int burst = 0; burst < bursts; burst++) {
            CountDownLatch go = new CountDownLatch(1);
            Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++) {
                threads[p] = new Thread(() -> {
                    awaitQuietly(go);
                    for (int i = 0; i < perBurst; i++) {
                        lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
                    }
                });
                threads[p].start();
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            int expected = (burst + 1) * producers * perBurst;
            await().atMost(Duration.ofSeconds(10)).until(() -> this.received.sum() == expected);
            await("the worker parked again before the next burst").atMost(Duration.ofSeconds(10))
                .until(StartedLanes.requireWorker(lane)::isParked);
        }
        assertThat(lane.counts(Signal.METRICS).delivered()).isEqualTo((long) bursts * producers * perBurst);
        lane.stop(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }

    private AdapterLane lane(DispatchMode mode, Duration waitInOpen) {
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(50f, 100, 20, waitInOpen, 5, Duration.ofSeconds(1));
        LaneSettings settings = LaneSettings.DEFAULTS.withDispatch(mode).withCircuitBreaker(breaker);
        return StartedLanes.lane(this.adapter, EnumSet.of(Signal.METRICS), settings);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
