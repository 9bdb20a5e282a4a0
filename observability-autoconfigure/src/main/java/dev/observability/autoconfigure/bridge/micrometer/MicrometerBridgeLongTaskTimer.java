package dev.observability.autoconfigure.bridge.micrometer;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.AbstractMeter;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.util.TimeUtils;
import org.jspecify.annotations.Nullable;

/**
 * The bridge's long task timer when no percentiles or histogram are asked of it, as for Boot's
 * {@code http.server.requests.active}, which every request starts and stops on its own thread. Micrometer's
 * {@code DefaultLongTaskTimer} keeps all active tasks in one sorted concurrent set, so requests on different cores
 * contend for its newest end. This timer spreads its tasks over stripes chosen by the starting thread, each a list in
 * start order with its count and sum of start times under its own short lock, and adds the stripes up when read. The
 * figures are the same and exact: the active tasks, their total duration (each stripe's count times now, less its sum
 * of start times) and the longest (the oldest task at a stripe's head).
 */
final class MicrometerBridgeLongTaskTimer extends AbstractMeter implements LongTaskTimer {

    /**
     * Twice the processors, rounded up to a power of two, so that threads running at once seldom share a stripe; at
     * most 16, since each stripe takes about 170 bytes in every such timer.
     */
    static final int STRIPES = Math.min(16,
            Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);

    private final Clock clock;

    private final TimeUnit baseTimeUnit;

    private final Stripe[] stripes;

    /**
     * @param id the meter's id
     * @param clock the registry's clock
     * @param baseTimeUnit the registry's base time unit
     * @param stripes how many stripes to spread tasks over, a power of two
     */
    MicrometerBridgeLongTaskTimer(Id id, Clock clock, TimeUnit baseTimeUnit, int stripes) {
        super(id);
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
        }
        this.clock = clock;
        this.baseTimeUnit = baseTimeUnit;
        this.stripes = new Stripe[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new Stripe();
        }
    }

    @Override
    public Sample start() {
        int thread = System.identityHashCode(Thread.currentThread());
        return this.stripes[thread & (this.stripes.length - 1)].start(this.clock);
    }

    @Override
    public double duration(TimeUnit unit) {
        return TimeUtils.nanosToUnit(totalNanos(), unit);
    }

    @Override
    public int activeTasks() {
        int active = 0;
        for (Stripe stripe : this.stripes) {
            active += stripe.activeTasks();
        }
        return active;
    }

    @Override
    public double max(TimeUnit unit) {
        return TimeUtils.nanosToUnit(longestNanos(), unit);
    }

    @Override
    public TimeUnit baseTimeUnit() {
        return this.baseTimeUnit;
    }

    @Override
    public HistogramSnapshot takeSnapshot() {
        return HistogramSnapshot.empty(activeTasks(), totalNanos(), longestNanos());
    }

    private double totalNanos() {
        long total = 0;
        for (Stripe stripe : this.stripes) {
            total += stripe.totalNanos(this.clock);
        }
        return (double) total;
    }

    private double longestNanos() {
        long longest = 0;
        for (Stripe stripe : this.stripes) {
            longest = Math.max(longest, stripe.longestNanos(this.clock));
        }
        return (double) longest;
    }

    /** Keeps a stripe's fields off the cache line of the object allocated before it. */
    @SuppressWarnings("unused")
    private static class PaddingBefore {

        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    /** A stripe's active tasks, oldest first, with their count and the sum of their start times. */
    private static class StripeFields extends PaddingBefore {

        @Nullable Task oldest;

        @Nullable Task newest;

        int activeTasks;

        /** The sum of the active tasks' start times; it may wrap, and wraps back in the difference that uses it. */
        long startTimes;
    }

    /** One stripe, padded so that threads writing to neighbouring stripes do not share a cache line. */
    @SuppressWarnings("unused")
    private static final class Stripe extends StripeFields {

        long p11, p12, p13, p14, p15, p16, p17, p18;

        synchronized Task start(Clock clock) {
            Task task = new Task(this, clock, clock.monotonicTime(), this.newest);
            if (this.newest == null) {
                this.oldest = task;
            }
            else {
                this.newest.newer = task;
            }
            this.newest = task;
            this.activeTasks++;
            this.startTimes += task.startTime;
            return task;
        }

        /** @return whether the task was active (and is no longer) */
        synchronized boolean remove(Task task) {
            if (task.stopped) {
                return false;
            }
            if (task.older == null) {
                this.oldest = task.newer;
            }
            else {
                task.older.newer = task.newer;
            }
            if (task.newer == null) {
                this.newest = task.older;
            }
            else {
                task.newer.older = task.older;
            }
            task.older = null;
            task.newer = null;
            task.stopped = true;
            this.activeTasks--;
            this.startTimes -= task.startTime;
            return true;
        }

        synchronized int activeTasks() {
            return this.activeTasks;
        }

        /** The clock is read under the lock, so that every task counted started before now. */
        synchronized long totalNanos(Clock clock) {
            return this.activeTasks * clock.monotonicTime() - this.startTimes;
        }

        synchronized long longestNanos(Clock clock) {
            return (this.oldest != null) ? clock.monotonicTime() - this.oldest.startTime : 0;
        }
    }

    /** An active task, linked to the tasks started just before and after it in its stripe while it is active. */
    private static final class Task extends Sample {

        private final Stripe stripe;

        private final Clock clock;

        private final long startTime;

        private @Nullable Task older;

        private @Nullable Task newer;

        private volatile boolean stopped;

        Task(Stripe stripe, Clock clock, long startTime, @Nullable Task older) {
            this.stripe = stripe;
            this.clock = clock;
            this.startTime = startTime;
            this.older = older;
        }

        @Override
        public long stop() {
            return this.stripe.remove(this) ? this.clock.monotonicTime() - this.startTime : -1;
        }

        @Override
        public double duration(TimeUnit unit) {
            return this.stopped ? -1 : TimeUtils.nanosToUnit(this.clock.monotonicTime() - this.startTime, unit);
        }
    }
}
