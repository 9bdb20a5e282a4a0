package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A coarse monotonic clock for the lanes: one daemon thread stores {@link System#nanoTime()} in a volatile field once
 * per period, so a lane reads the time for the price of a memory load instead of a {@code System.nanoTime()} call.
 * <p>
 * What it buys: a started lane times each call (twice) and paces its {@link BreakerGate} with memory loads instead of
 * {@code System.nanoTime()} calls, which are slow on some virtual machines' clocks;
 * {@code NoopManagerBenchmark.noopAdapterBound} shows it.
 * <p>
 * The clock ticks only while some started lane holds it: a lane {@linkplain #hold holds} it from its start to its stop
 * with the period it needs, the clock ticks at the smallest period held, and the thread ends (and is joined) when the
 * last lane lets go, so a closed manager leaves no thread behind. While no one holds it, {@link #now()} reads
 * {@code System.nanoTime()}.
 * <p>
 * A lane's period is a tenth of its slow-call threshold, at most {@value #MAX_PERIOD_MILLIS} ms; a threshold under
 * {@value #MIN_THRESHOLD_MILLIS} ms would need a period under 1 ms, so such a lane reads {@code System.nanoTime()}
 * on every call instead ({@link #periodFor} returns 0). A time read from the clock is never ahead of
 * {@code System.nanoTime()} and is behind it by at most one period while the clock's thread is scheduled on time; a
 * duration measured between two reads is therefore off by at most one period either way.
 */
final class CoarseClock {

    /** The clock of every lane in this class loader. */
    static final CoarseClock SHARED = new CoarseClock("observability-clock");

    static final long MAX_PERIOD_MILLIS = 100;

    static final long MIN_THRESHOLD_MILLIS = 10;

    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_THRESHOLD_MILLIS) / 10;

    private static final long MAX_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_PERIOD_MILLIS);

    private static final long JOIN_MILLIS = 1_000;

    private final String threadName;

    /** How many holders ask for each period; guarded by {@code this}. */
    private final TreeMap<Long, Integer> holders = new TreeMap<>();

    private volatile long time = System.nanoTime();

    private volatile boolean ticking;

    private volatile long periodNanos = MAX_PERIOD_NANOS;

    private volatile @Nullable Thread ticker;

    /**
     * @param threadName the name of the clock's thread
     */
    CoarseClock(String threadName) {
        this.threadName = threadName;
    }

    /**
     * @param slowCallThreshold a lane's slow-call threshold
     * @return the period that lane needs (a tenth of the threshold, at most 100 ms), or 0 when the threshold is under
     * 10 ms and the lane should read {@link System#nanoTime()} instead
     */
    static long periodFor(Duration slowCallThreshold) {
        long period = slowCallThreshold.toNanos() / 10;
        return (period < MIN_PERIOD_NANOS) ? 0 : Math.min(period, MAX_PERIOD_NANOS);
    }

    /** @return the time of the last tick, or {@link System#nanoTime()} while the clock is not ticking */
    long now() {
        return this.ticking ? this.time : System.nanoTime();
    }

    /** @return the period the clock ticks at now (for tests) */
    long periodNanos() {
        return this.periodNanos;
    }

    /**
     * Makes the clock tick at {@code period} or faster until {@link #release} with the same period; starts the
     * thread for the first holder.
     * @param period a period from {@link #periodFor}, not 0
     */
    synchronized void hold(long period) {
        this.holders.merge(period, 1, Integer::sum);
        this.periodNanos = this.holders.firstKey();
        Thread thread = this.ticker;
        if (thread != null) {
            LockSupport.unpark(thread); // adopt a shorter period at once
            return;
        }
        this.time = System.nanoTime();
        this.ticking = true;
        thread = new Thread(this::tick, this.threadName);
        thread.setDaemon(true);
        this.ticker = thread;
        thread.start();
    }

    /**
     * Lets go of one {@link #hold}; the last holder stops the thread and waits for it to end.
     * @param period the period it was held with
     */
    synchronized void release(long period) {
        Integer count = this.holders.get(period);
        if (count == null) {
            return;
        }
        if (count > 1) {
            this.holders.put(period, count - 1);
        }
        else {
            this.holders.remove(period);
        }
        if (!this.holders.isEmpty()) {
            this.periodNanos = this.holders.firstKey();
            return;
        }
        this.ticking = false;
        Thread thread = this.ticker;
        this.ticker = null;
        if (thread != null) {
            LockSupport.unpark(thread);
            joinQuietly(thread);
        }
    }

    private void tick() {
        Thread self = Thread.currentThread();
        while (this.ticker == self) {
            this.time = System.nanoTime();
            LockSupport.parkNanos(this, this.periodNanos);
        }
    }

    /**
     * One lane's hold on a clock: the time it reads is the clock's while it holds a period, {@link System#nanoTime()}
     * otherwise (before its start, after its stop, or with a slow-call threshold under 10 ms).
     */
    static final class Hold implements LongSupplier {

        private final CoarseClock clock;

        /** The period held (guarded by {@code this}), or 0. */
        private long period;

        private volatile boolean held;

        /** @param clock the clock to hold */
        Hold(CoarseClock clock) {
            this.clock = clock;
        }

        /**
         * Holds the clock at a period, then releases the period held before.
         * @param periodNanos a period from {@link #periodFor}, or 0 to hold none
         */
        synchronized void holdAt(long periodNanos) {
            long before = this.period;
            if (before == periodNanos) {
                return;
            }
            if (periodNanos != 0) {
                this.clock.hold(periodNanos);
            }
            this.period = periodNanos;
            this.held = periodNanos != 0;
            if (before != 0) {
                this.clock.release(before);
            }
        }

        /**
         * @return the clock's last tick while a period is held (behind {@link System#nanoTime()} by at most that
         * period), {@code System.nanoTime()} otherwise
         */
        @Override
        public long getAsLong() {
            return this.held ? this.clock.now() : System.nanoTime();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
