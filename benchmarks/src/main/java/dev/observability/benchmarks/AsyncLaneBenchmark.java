package dev.observability.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Benchmark 3: an ASYNC lane at its default capacity in front of a fast adapter. {@code enqueue} is the caller's
 * cost per event while the queue has room (batches of {@value #BATCH}, with room for a batch waited for between
 * batches, outside the measurement); {@code sustained} is two producer threads recording as fast as they can, with the events the
 * worker delivered and the events dropped per second reported next to the producers' rate; {@code paced} is the
 * target as stated: two producers offering together {@value #PACED_RATE} events per second, in bursts of
 * {@value #PACED_BURST} per producer on a fixed schedule, with the same delivered and dropped rates next to it.
 */
public class AsyncLaneBenchmark extends FullMode {

    static final int BATCH = 1000;

    /** Events per second offered by the two producers of {@code paced} together. */
    static final long PACED_RATE = 5_000_000;

    /** Events one producer of {@code paced} offers at each of its scheduled times. */
    static final int PACED_BURST = 500;

    /** The time between two bursts of one producer: 2 producers x 500 events every 200 us is 5 M events/s. */
    static final long PACED_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) * PACED_BURST * 2 / PACED_RATE;

    /** A manager whose only adapter is a fast counting adapter on an ASYNC lane of the default capacity. */
    @State(Scope.Benchmark)
    public static class Lane {

        final CountingMetricsAdapter adapter = new CountingMetricsAdapter("remote");

        ObservabilityManager manager;

        LaneView lane;

        CounterHandle handle;

        SignalCounts atIterationStart = SignalCounts.ZERO;

        final AtomicBoolean reported = new AtomicBoolean();

        /** Builds and starts the manager. */
        @Setup
        public void setUp() {
            this.manager = ObservabilityManager.builder().adapter(this.adapter).build();
            this.manager.start();
            this.lane = this.manager.controls().lane(this.adapter.name()).orElseThrow();
            this.handle = this.manager.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS);
        }

        /** Remembers the account at the start of an iteration. */
        @Setup(Level.Iteration)
        public void markIteration() {
            this.atIterationStart = this.lane.counts(Signal.METRICS);
            this.reported.set(false);
        }

        /** Stops the manager. */
        @TearDown
        public void tearDown() {
            this.manager.close();
        }

        /**
         * Waits until the queue has room for a whole batch. Not until it is empty: an idle worker is woken by a batch
         * of events or after its lane's max-delay, so the last events of a batch may wait up to 100 ms.
         */
        void awaitRoomForABatch() {
            while (this.lane.counts(Signal.METRICS).pending() > LaneSettings.DEFAULT_QUEUE_CAPACITY - BATCH) {
                Thread.onSpinWait();
            }
        }
    }

    /** Lets the worker take enough of the previous batches that the next is timed with room in the queue. */
    @State(Scope.Thread)
    public static class Drained {

        /**
         * @param lane the lane to wait for
         */
        @Setup(Level.Invocation)
        public void drain(Lane lane) {
            lane.awaitRoomForABatch();
        }
    }

    /**
     * What the lane did during one iteration, per second: events delivered and events dropped (queue full). One
     * producer thread reports the lane's figures, the other reports zero, so the sums are the lane's.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class LaneRates {

        /** Events the worker delivered to the adapter. */
        public long delivered;

        /** Events refused because the queue was full. */
        public long dropped;

        /** Resets the figures. */
        @Setup(Level.Iteration)
        public void clear() {
            this.delivered = 0;
            this.dropped = 0;
        }

        /**
         * @param lane the lane whose account is read
         */
        @TearDown(Level.Iteration)
        public void report(Lane lane) {
            if (lane.reported.compareAndSet(false, true)) {
                SignalCounts now = lane.lane.counts(Signal.METRICS);
                this.delivered = now.delivered() - lane.atIterationStart.delivered();
                this.dropped = now.dropped() - lane.atIterationStart.dropped();
            }
        }
    }

    /**
     * One producer's schedule for {@code paced}: a burst is due every {@link #PACED_INTERVAL_NANOS}; the producer
     * parks until then (so it leaves the cores to the worker), and a producer that fell behind catches up without
     * waiting, so the score shows the rate really offered.
     */
    @State(Scope.Thread)
    public static class Schedule {

        long nextBurstAt;

        /** Starts the schedule now. */
        @Setup(Level.Iteration)
        public void start() {
            this.nextBurstAt = System.nanoTime();
        }

        void awaitNextBurst() {
            long wait;
            while ((wait = this.nextBurstAt - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            this.nextBurstAt += PACED_INTERVAL_NANOS;
        }
    }

    /**
     * The caller's cost per event while the queue has room.
     * @param lane the lane
     * @param drained waits for an empty queue before each batch
     */
    @Benchmark
    @BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(BATCH)
    public void enqueue(Lane lane, Drained drained) {
        CounterHandle handle = lane.handle;
        for (int i = 0; i < BATCH; i++) {
            handle.increment();
        }
    }

    /**
     * Two producers recording as fast as they can.
     * @param lane the lane
     * @param rates the lane's delivered and dropped events per second
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void sustained(Lane lane, LaneRates rates) {
        lane.handle.increment();
    }

    /**
     * Two producers offering together {@value #PACED_RATE} events per second (the target: all delivered, none
     * dropped, at the default capacity).
     * @param lane the lane
     * @param schedule this producer's schedule
     * @param rates the lane's delivered and dropped events per second
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    @OperationsPerInvocation(PACED_BURST)
    public void paced(Lane lane, Schedule schedule, LaneRates rates) {
        schedule.awaitNextBurst();
        CounterHandle handle = lane.handle;
        for (int i = 0; i < PACED_BURST; i++) {
            handle.increment();
        }
    }
}
