package dev.observability.core.internal.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ASYNC worker's idle policy: producers do not wake an idle worker for each event; an event reaches the adapter
 * within the lane's {@code max-delay}, or as soon as a batch waits; {@code max-delay: 0} wakes the worker for the
 * first event.
 */
class LaneWakeUpTests {

    private final LongAdder received = new LongAdder();

    private final AtomicLong lastReceivedAt = new AtomicLong();

    private final ObservabilityAdapter adapter = () -> "remote";

    @RegisterExtension
    final StartedLanes started = new StartedLanes();

    @Test
    void aSingleEventDoesNotWakeTheIdleWorkerAndIsDeliveredWithinMaxDelay() throws InterruptedException {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofSeconds(2)));
        Thread.sleep(100); // the worker finds the queue empty and parks for up to 2 s
        long queuedAt = System.nanoTime();
        submit(lane, 1);
        Thread.sleep(500);
        assertThat(this.received.sum()).as("not woken by the event's producer").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> this.received.sum() == 1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(this.lastReceivedAt.get() - queuedAt)).as("delivered within max-delay")
            .isLessThanOrEqualTo(2_000 + 500);
    }

    @Test
    void theEventThatMakesABatchWakesTheWorker() throws InterruptedException {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMinutes(1)));
        Thread.sleep(100);
        submit(lane, LaneWorker.BATCH - 1);
        Thread.sleep(500);
        assertThat(this.received.sum()).as("one event short of a batch: the worker sleeps on").isZero();
        submit(lane, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> this.received.sum() == LaneWorker.BATCH);
        assertThat(lane.counts(Signal.METRICS).pending()).isZero();
    }

    @Test
    void aSmallQueueWakesTheWorkerWhenAQuarterOfItIsFull() throws InterruptedException {
        AdapterLane lane = startedLane(
                LaneSettings.DEFAULTS.withQueueCapacity(40).withMaxDelay(Duration.ofMinutes(1)));
        Thread.sleep(100);
        submit(lane, 9);
        Thread.sleep(500);
        assertThat(this.received.sum()).isZero();
        submit(lane, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> this.received.sum() == 10);
    }

    @Test
    void aMaxDelayOfZeroWakesTheWorkerForTheFirstEvent() throws InterruptedException {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ZERO));
        Thread.sleep(100);
        submit(lane, 1);
        await().atMost(Duration.ofMillis(800)).until(() -> this.received.sum() == 1);
    }

    @Test
    void wakeThresholdIsABatchAQuarterOfASmallQueueOrOneWithoutDelay() {
        assertThat(LaneWorker.wakeThreshold(8192, Duration.ofMillis(100))).isEqualTo(256);
        assertThat(LaneWorker.wakeThreshold(1024, Duration.ofMillis(100))).isEqualTo(256);
        assertThat(LaneWorker.wakeThreshold(100, Duration.ofMillis(100))).isEqualTo(25);
        assertThat(LaneWorker.wakeThreshold(3, Duration.ofMillis(100))).isEqualTo(1);
        assertThat(LaneWorker.wakeThreshold(8192, Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void anAdapterThatLeavesTheWorkerInterruptedDoesNotMakeItSpin() throws InterruptedException {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofSeconds(1)).withQueueCapacity(4));
        lane.submit(Signal.METRICS, (ignored) -> Thread.currentThread().interrupt());
        await().atMost(Duration.ofSeconds(10)).until(() -> lane.counts(Signal.METRICS).delivered() == 1);
        Thread worker = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.getName().equals("observability-lane-remote")).findFirst().orElseThrow();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(worker.getId());
        Thread.sleep(1_000);
        long cpuMillis = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(worker.getId()) - cpuBefore);
        assertThat(cpuMillis).as("the idle worker's CPU time over a second").isLessThan(200);
    }

    private void submit(AdapterLane lane, int events) {
        for (int i = 0; i < events; i++) {
            lane.submit(Signal.METRICS, (ignored) -> {
                this.lastReceivedAt.set(System.nanoTime());
                this.received.increment();
            });
        }
    }

    private AdapterLane startedLane(LaneSettings settings) {
        AdapterLane lane = new AdapterLane(this.adapter, EnumSet.of(Signal.METRICS),
                settings.withDispatch(DispatchMode.ASYNC), CircuitBreakerFactory.standalone(), Duration.ofMinutes(1));
        lane.start();
        this.started.add(lane);
        return lane;
    }
}
