package dev.observability.core.internal.dispatch;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.observability.core.chaos.HeapProbe;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue's memory follows its capacity: a queue grown for a burst and shrunk back gives its large ring back once the
 * events it held have left, and a worker that has handed over is not kept by the one after it. Under load, the
 * changes lose nothing, deliver each producer's events once and in order, and drop only events offered while the
 * queue was small.
 */
class QueueMemoryTests {

    private static final int SMALL = 1024;

    /** A ring of 24 MB, far more than what the heap may keep over its level before the burst. */
    private static final int BIG = 1 << 20;

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ObservabilityAdapter adapter = () -> "burst";

    @RegisterExtension
    final StartedLanes started = new StartedLanes();

    @Test
    void aQueueGrownForABurstAndShrunkBackGivesItsMemoryBackOnceItsEventsHaveLeft() throws Exception {
        AdapterLane lane = startedLane();
        burst(lane, SMALL * 2, new CountDownLatch(0)); // the classes and paths of the measured burst, loaded once
        awaitDrainedToASmallRing(lane);
        long before = HeapProbe.settledHeap();
        WeakReference<LaneWorker> small = currentWorker(lane);
        CountDownLatch release = new CountDownLatch(1);
        WeakReference<LaneWorker> big = burst(lane, BIG, release);

        assertThat(StartedLanes.worker(lane)).as("a shrunk queue keeps its ring while it holds events from before").isSameAs(big.get());
        release.countDown();
        awaitDrainedToASmallRing(lane);
        awaitCollected(small, big);
        long after = HeapProbe.settledHeap();

        assertThat(after).as("heap after GC: %.1f MB before the burst, %.1f MB after it", mb(before), mb(after))
            .isLessThanOrEqualTo(before + before / 10);
        assertThat(lane.counts(Signal.METRICS)).isEqualTo(new SignalCounts(4 * SMALL, 4 * SMALL, 0, 0, 0, 0, 0));
    }

    @Test
    void aQueueGrownAndShrunkUnderLoadLosesNothingAndDropsOnlyWhatCameWhileItWasSmall() throws Exception {
        AdapterLane lane = startedLane();
        CountDownLatch release = new CountDownLatch(1);
        List<WeakReference<LaneWorker>> bigWorkers = new ArrayList<>();
        Load load = new Load(lane, 4, release);
        try (load) {
            load.start();
            load.awaitEach(0, 2 * SMALL); // the worker is held: the small queue fills and drops
            for (int phase = 1; phase < Load.PHASES; phase++) {
                if (Load.isBig(phase)) {
                    change(lane, BIG);
                    bigWorkers.add(currentWorker(lane));
                    load.enter(phase);
                    release.countDown();
                }
                else {
                    load.enter(phase);
                    load.awaitEverySubmissionBefore(phase);
                    change(lane, SMALL);
                    await("the shrunk queue's ring of the right size").atMost(DEADLINE)
                        .until(() -> queueSlots(lane) == SMALL);
                }
                load.awaitEach(phase, 20_000);
            }
        }
        finally {
            release.countDown();
        }
        await().atMost(DEADLINE).until(() -> pending(lane) == 0);

        SignalCounts counts = lane.counts(Signal.METRICS);
        assertThat(load.outOfOrder()).as("events delivered twice or out of their producer's order").isZero();
        assertThat(counts.submitted()).as("every event submitted counted").isEqualTo(load.submitted());
        assertThat(counts.delivered()).as("every delivered event counted").isEqualTo(load.delivered());
        assertThat(counts.dropped()).as("the rest dropped: nothing failed, refused or pending")
            .isEqualTo(counts.submitted() - counts.delivered())
            .isPositive();
        assertThat(counts.failed() + counts.rejected() + counts.pending()).isZero();
        assertThat(load.lostWhileBig()).as("events offered while the queue was big and not delivered").isZero();
        assertThat(queueSlots(lane)).isEqualTo(SMALL);
        awaitCollected(bigWorkers.toArray(WeakReference[]::new));
    }

    /**
     * Grows the queue, holds the worker on the burst's first event, queues more than the small queue holds, and
     * shrinks the queue back while it holds them; the worker delivers once {@code release} opens.
     * @return the worker of the grown queue
     */
    private WeakReference<LaneWorker> burst(AdapterLane lane, int capacity, CountDownLatch release) {
        change(lane, capacity);
        WeakReference<LaneWorker> grown = currentWorker(lane);
        for (int i = 0; i < 2 * SMALL; i++) {
            lane.submit(Signal.METRICS, (ignored) -> release.await());
        }
        change(lane, SMALL);
        return grown;
    }

    private static void awaitDrainedToASmallRing(AdapterLane lane) {
        await("the queue drained to a ring of the right size").atMost(DEADLINE).until(() -> pending(lane) == 0 && queueSlots(lane) == SMALL);
    }

    private static void change(AdapterLane lane, int capacity) {
        lane.change(SettingsChange.of(LaneSetting.QUEUE_CAPACITY, capacity));
    }

    private static WeakReference<LaneWorker> currentWorker(AdapterLane lane) {
        return new WeakReference<>(StartedLanes.requireWorker(lane));
    }

    private static int queueSlots(AdapterLane lane) {
        LaneWorker worker = StartedLanes.worker(lane);
        return (worker != null) ? worker.slots() : 0;
    }

    private static long pending(AdapterLane lane) {
        return lane.counts(Signal.METRICS).pending();
    }

    /** Waits, collecting garbage, until no worker given is reachable, nor so its ring. */
    @SafeVarargs
    private static void awaitCollected(WeakReference<LaneWorker>... workers) {
        await("the replaced workers and their rings collected").atMost(DEADLINE).until(() -> {
            System.gc();
            for (WeakReference<LaneWorker> worker : workers) {
                if (worker.get() != null) {
                    return false;
                }
            }
            return true;
        });
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private AdapterLane startedLane() {
        LaneSettings settings = LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC)
            .withQueueCapacity(SMALL)
            .withCircuitBreaker(CircuitBreakerSettings.DEFAULTS.withSlowCallDurationThreshold(Duration.ofHours(1)));
        AdapterLane lane = StartedLanes.lane(this.adapter, EnumSet.of(Signal.METRICS), settings);
        this.started.add(lane);
        lane.start();
        return lane;
    }

    /**
     * Producers that submit numbered events, each in its own order, through phases of the queue's size that the test
     * moves them through: small, big, small, big, small. Each remembers which of its events it offered while the queue
     * was big (after the growth, and before the shrink began), and submits at most {@link #PHASE_CAP} a phase, so a
     * big queue never fills. The adapter's side records which events arrived, and whether any came twice or out of its
     * producer's order.
     */
    private static final class Load implements AutoCloseable {

        static final int PHASES = 5;

        /** Four producers' worth of a phase, well within a big queue. */
        private static final int PHASE_CAP = 200_000;

        private static final int FINISHED = PHASES;

        private final AdapterLane lane;

        private final Thread[] producers;

        private final Integer[] producerIds;

        private final BitSet[] offeredWhileBig;

        private final BitSet[] arrived;

        private final long[] lastArrived;

        private final long[] submitted;

        /** Per producer and phase, the events submitted in that phase. */
        private final AtomicLongArray perPhase;

        /** Per producer, the phase of its last submission that returned. */
        private final AtomicIntegerArray phaseSeen;

        private final CountDownLatch release;

        private final ValueDelivery<ObservabilityAdapter, Integer> delivery = this::arrived;

        private volatile int phase;

        private long outOfOrder;

        Load(AdapterLane lane, int producers, CountDownLatch release) {
            this.lane = lane;
            this.release = release;
            this.producers = new Thread[producers];
            this.producerIds = new Integer[producers];
            this.offeredWhileBig = new BitSet[producers];
            this.arrived = new BitSet[producers];
            this.lastArrived = new long[producers];
            this.submitted = new long[producers];
            this.perPhase = new AtomicLongArray(producers * PHASES);
            this.phaseSeen = new AtomicIntegerArray(producers);
            for (int p = 0; p < producers; p++) {
                int id = p;
                this.producerIds[p] = id;
                this.offeredWhileBig[p] = new BitSet();
                this.arrived[p] = new BitSet();
                this.lastArrived[p] = -1;
                this.producers[p] = new Thread(() -> produce(id), "load-" + p);
            }
        }

        static boolean isBig(int phase) {
            return phase % 2 == 1;
        }

        void start() {
            for (Thread producer : this.producers) {
                producer.start();
            }
        }

        void enter(int phase) {
            this.phase = phase;
        }

        /** Waits until each producer submitted {@code events} in the phase, or its cap. */
        void awaitEach(int phase, int events) {
            await().atMost(DEADLINE).until(() -> {
                for (int p = 0; p < this.producers.length; p++) {
                    if (this.perPhase.get(p * PHASES + phase) < Math.min(events, PHASE_CAP)) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** Waits until every producer's submissions of the phases before have returned. */
        void awaitEverySubmissionBefore(int phase) {
            await().atMost(DEADLINE).until(() -> {
                for (int p = 0; p < this.producers.length; p++) {
                    if (this.phaseSeen.get(p) != phase) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** Ends the producers' last phase and waits for them. */
        @Override
        public void close() throws InterruptedException {
            this.phase = FINISHED;
            for (Thread producer : this.producers) {
                producer.join();
            }
        }

        private void produce(int p) {
            long seq = 0;
            for (int phase = this.phase; phase != FINISHED; phase = this.phase) {
                if (this.perPhase.get(p * PHASES + phase) < PHASE_CAP) {
                    this.lane.submit(Signal.METRICS, this.delivery, this.producerIds[p], seq);
                    if (isBig(phase)) {
                        this.offeredWhileBig[p].set((int) seq);
                    }
                    seq++;
                    this.perPhase.incrementAndGet(p * PHASES + phase);
                }
                else {
                    Thread.yield();
                }
                this.phaseSeen.set(p, phase);
            }
            this.submitted[p] = seq;
        }

        private synchronized void arrived(ObservabilityAdapter adapter, Integer producer, double value)
                throws InterruptedException {
            this.release.await();
            long seq = (long) value;
            if (seq <= this.lastArrived[producer]) {
                this.outOfOrder++;
            }
            this.lastArrived[producer] = seq;
            this.arrived[producer].set((int) seq);
        }

        long submitted() {
            return Arrays.stream(this.submitted).sum();
        }

        synchronized long delivered() {
            return Arrays.stream(this.arrived).mapToLong(BitSet::cardinality).sum();
        }

        synchronized long outOfOrder() {
            return this.outOfOrder;
        }

        synchronized long lostWhileBig() {
            long lost = 0;
            for (int p = 0; p < this.producers.length; p++) {
                BitSet missing = (BitSet) this.offeredWhileBig[p].clone();
                missing.andNot(this.arrived[p]);
                lost += missing.cardinality();
            }
            return lost;
        }
    }
}
