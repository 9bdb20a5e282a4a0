package dev.observability.core.internal.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ASYNC worker's idle policy: producers do not wake an idle worker for each event; an event that does not wake it
 * is delivered when the worker's park ends ({@code max-delay}), one that makes a batch wakes it, and
 * {@code max-delay: 0} wakes it for the first event. The tests wait for the worker's parked state; with a
 * {@code max-delay} of a minute, a worker still parked with the events queued was not woken by their producers, and a
 * delivery within the tests' deadline came from a producer's wake-up.
 */
class LaneWakeUpTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final LongAdder received = new LongAdder();

    private final ObservabilityAdapter adapter = () -> "idle-policy";

    @RegisterExtension
    final StartedLanes started = new StartedLanes();

    @Test
    void aSingleEventDoesNotWakeTheIdleWorker() {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMinutes(1)));
        LaneWorker worker = parkedWorker(lane);
        submit(lane, 1);
        awaitParkedHolding(worker, 1);
        assertThat(this.received.sum()).as("not woken by the event's producer").isZero();
    }

    @Test
    void anEventThatWakesNoOneIsDeliveredWhenTheWorkersParkEnds() {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMillis(200)));
        parkedWorker(lane);
        submit(lane, 1);
        await().atMost(DEADLINE).until(() -> this.received.sum() == 1);
    }

    @Test
    void theEventThatMakesABatchWakesTheWorker() {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMinutes(1)));
        LaneWorker worker = parkedWorker(lane);
        submit(lane, LaneWorker.BATCH - 1);
        awaitParkedHolding(worker, LaneWorker.BATCH - 1);
        assertThat(this.received.sum()).as("one event short of a batch: the worker sleeps on").isZero();
        submit(lane, 1);
        await().atMost(DEADLINE).until(() -> this.received.sum() == LaneWorker.BATCH);
        assertThat(lane.counts(Signal.METRICS).pending()).isZero();
    }

    @Test
    void aSmallQueueWakesTheWorkerWhenAQuarterOfItIsFull() {
        AdapterLane lane = startedLane(
                LaneSettings.DEFAULTS.withQueueCapacity(40).withMaxDelay(Duration.ofMinutes(1)));
        LaneWorker worker = parkedWorker(lane);
        submit(lane, 9);
        awaitParkedHolding(worker, 9);
        assertThat(this.received.sum()).isZero();
        submit(lane, 1);
        await().atMost(DEADLINE).until(() -> this.received.sum() == 10);
    }

    @Test
    void aMaxDelayOfZeroWakesTheWorkerForTheFirstEvent() {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ZERO));
        parkedWorker(lane);
        submit(lane, 1);
        await().atMost(DEADLINE).until(() -> this.received.sum() == 1);
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
    void anAdapterThatLeavesTheWorkerInterruptedDoesNotKeepItFromParking() {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofSeconds(1)).withQueueCapacity(4));
        lane.submit(Signal.METRICS, (ignored) -> Thread.currentThread().interrupt());
        await().atMost(DEADLINE).until(() -> lane.counts(Signal.METRICS).delivered() == 1);
        parkedWorker(lane);
        // a worker left interrupted could not park: every park would return at once
        assertThat(workerThread().isInterrupted()).as("the parked worker's interrupt, cleared").isFalse();
    }

    @Test
    @Tag("soak")
    void anIdleWorkerTakesNoCpuEvenAfterAnAdapterLeftItInterrupted() throws InterruptedException {
        AdapterLane lane = startedLane(LaneSettings.DEFAULTS.withMaxDelay(Duration.ofSeconds(1)).withQueueCapacity(4));
        lane.submit(Signal.METRICS, (ignored) -> Thread.currentThread().interrupt());
        await().atMost(DEADLINE).until(() -> lane.counts(Signal.METRICS).delivered() == 1);
        parkedWorker(lane);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long worker = workerThread().getId();
        long cpuBefore = threads.getThreadCpuTime(worker);
        TimeUnit.SECONDS.sleep(1); // the period measured
        long cpuMillis = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(worker) - cpuBefore);
        assertThat(cpuMillis).as("the idle worker's CPU time over a second").isLessThan(200);
    }

    /** Waits until the lane's worker has found its queue empty and parked. */
    private static LaneWorker parkedWorker(AdapterLane lane) {
        LaneWorker worker = StartedLanes.requireWorker(lane);
        await("the worker parked").atMost(DEADLINE).until(worker::isParked);
        return worker;
    }

    /**
     * Waits until the worker is parked with the events queued: a worker that a producer woke would have taken them.
     */
    private static void awaitParkedHolding(LaneWorker worker, int events) {
        await("the worker parked, holding " + events + " events").atMost(DEADLINE)
            .until(() -> worker.isParked() && worker.depth() == events);
    }

    private static Thread workerThread() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.isAlive() && thread.getName().equals("observability-lane-idle-policy"))
            .findFirst()
            .orElseThrow();
    }

    private void submit(AdapterLane lane, int events) {
        for (int i = 0; i < events; i++) {
            lane.submit(Signal.METRICS, (ignored) -> this.received.increment());
        }
    }

    private AdapterLane startedLane(LaneSettings settings) {
        AdapterLane lane = this.started.add(StartedLanes.lane(this.adapter, EnumSet.of(Signal.METRICS),
                settings.withDispatch(DispatchMode.ASYNC)));
        lane.start();
        return lane;
    }
}
