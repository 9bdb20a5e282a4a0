package dev.observability.core.internal.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.observability.core.spi.Signal;
import org.jctools.queues.MpscArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue and the single worker thread of an ASYNC lane. Producers never block: {@link #offer} either
 * takes the event or refuses it at once when the queue holds {@code capacity} events. The worker delivers in FIFO
 * order, in batches of at most {@value #BATCH} events between two looks at its stop and park state, and parks when
 * the queue is empty. An element is whatever the lane queued: its delivery, with its signal when the lane has several.
 * <p>
 * Stopping is two steps, so that every lane of a manager drains at the same time: {@link #requestStop()} lets the
 * worker finish what is queued and end, and {@link #awaitStop} waits for that until a deadline. Whatever is left
 * after the worker has ended, including an event a producer slipped in while the lane was stopping, goes to a
 * leftover handler (which counts it as dropped), so no event stays pending for ever.
 */
final class LaneWorker {

    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The most events the worker takes from the queue before it looks at its stop and park state again. */
    static final int BATCH = 256;

    /** {@link #callStartedAt} while the worker is not in a call. */
    private static final long NOT_IN_CALL = Long.MIN_VALUE;

    /** The worker is the queue's consumer. */
    private static final int POLLING = 0;

    /** The worker is in a call: whoever stops the lane may take the consumer's role. */
    private static final int IN_CALL = 1;

    /** The lane's stop took the consumer's role from a worker stuck in a call; the worker ends when it returns. */
    private static final int STOLEN = 2;

    private final MpscArrayQueue<Object> queue;

    private final int capacity;

    private final Consumer<Object> runner;

    private final LongSupplier clock;

    private final Thread thread;

    /** Set by the worker before it parks; the one producer that clears it wakes the worker, the others need not. */
    private final AtomicBoolean parked = new AtomicBoolean();

    private volatile boolean running = true;

    /** When the current call started by the lane's clock, or {@link #NOT_IN_CALL}; written with ordered stores. */
    private final AtomicLong callStartedAt = new AtomicLong(NOT_IN_CALL);

    private volatile @Nullable Consumer<Object> discard;

    private boolean ended;

    private final AtomicInteger role = new AtomicInteger(POLLING);

    private final Object owner;

    LaneWorker(String adapterName, int capacity, Consumer<Object> runner, LongSupplier clock) {
        this(null, adapterName, capacity, runner, clock);
    }

    /**
     * @param owner the lane the worker works for (its thread is marked inside it), or {@code null}: the worker itself
     */
    LaneWorker(@Nullable Object owner, String adapterName, int capacity, Consumer<Object> runner, LongSupplier clock) {
        this.owner = (owner != null) ? owner : this;
        this.queue = new MpscArrayQueue<>(Math.max(2, capacity));
        this.capacity = capacity;
        this.runner = runner;
        this.clock = clock;
        this.thread = new Thread(this::work, "observability-lane-" + adapterName);
        this.thread.setDaemon(true);
    }

    void start() {
        this.thread.start();
    }

    /**
     * @param event the event
     * @return {@code false} when the queue is full
     */
    boolean offer(Object event) {
        if (!this.queue.offerIfBelowThreshold(event, this.capacity)) {
            return false;
        }
        if (this.parked.get() && this.parked.compareAndSet(true, false)) {
            LockSupport.unpark(this.thread);
        }
        return true;
    }

    int depth() {
        return this.queue.size();
    }

    int capacity() {
        return this.capacity;
    }

    /**
     * @return nanos the current call has run, or -1 when the worker is not in a call; the call's start is stamped by
     * the lane's clock, so this may exceed the truth by one period of that clock
     */
    long currentCallNanos() {
        long startedAt = this.callStartedAt.get();
        return (startedAt != NOT_IN_CALL) ? Math.max(0, System.nanoTime() - startedAt) : -1;
    }

    private void work() {
        AdapterLane.markWorkerThread(this.owner);
        while (true) {
            int taken = drainBatch();
            if (taken < 0) {
                return;
            }
            if (taken > 0) {
                continue;
            }
            if (!this.running) {
                if (endIfEmpty()) {
                    return;
                }
                continue;
            }
            this.parked.set(true);
            if (this.queue.isEmpty() && this.running) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
            this.parked.set(false);
        }
    }

    /**
     * Takes up to {@link #BATCH} events from the queue and runs (or, once the stop has passed its deadline, discards)
     * each. The consumer's role changes hands around every event, so a stop can take it from a call that hangs.
     * <p>
     * The worker polls only as {@code POLLING}, then claims {@code IN_CALL} <em>before</em> it looks for the stop's
     * {@link #discard}, while {@link #awaitStop} sets {@code discard} before it tries to take the role from
     * {@code IN_CALL}. Both are volatile, so one of the two sees the other: the worker sees the stop and discards, or
     * the stop sees the worker in its call (or about to make it) and takes the queue. Looking for the stop first left
     * a window in which the stop found the worker {@code POLLING}, left the queue to it, and the worker went on into
     * a call that hung with the rest of the queue pending. The per-event cost is the same as before the order was
     * fixed: one volatile store and one compare-and-set (a discarded event now pays them too, but only past the stop's
     * deadline).
     * @return the events taken, or -1 when the stop took the consumer's role and the worker must end
     */
    private int drainBatch() {
        for (int taken = 0; taken < BATCH; taken++) {
            Object event = this.queue.relaxedPoll();
            if (event == null) {
                return taken;
            }
            this.role.set(IN_CALL);
            Consumer<Object> discarder = this.discard;
            if (discarder != null) {
                discarder.accept(event);
            }
            else {
                call(event);
            }
            if (!this.role.compareAndSet(IN_CALL, POLLING)) {
                return -1;
            }
        }
        return BATCH;
    }

    private void call(Object event) {
        this.callStartedAt.lazySet(this.clock.getAsLong());
        try {
            this.runner.accept(event);
        }
        finally {
            this.callStartedAt.lazySet(NOT_IN_CALL);
        }
    }

    private synchronized boolean endIfEmpty() {
        if (this.queue.isEmpty()) {
            this.ended = true;
            return true;
        }
        return false;
    }

    /** Tells the worker to deliver what is queued and end; returns at once. */
    void requestStop() {
        this.running = false;
        LockSupport.unpark(this.thread);
    }

    /**
     * Waits until the worker has ended or the deadline has passed. Events still queued then go to
     * {@code leftOver}: at once when the worker has ended or is in a call or about to make one (the queue's
     * single-consumer role is taken from it, and it ends when the call returns), or by the worker itself when it is
     * polling: it claims the role before each event and then sees the stop (see {@code drainBatch()}).
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     * @param leftOver receives each event still queued when the deadline passed, possibly from the worker and the
     * stopping thread at the same time
     */
    void awaitStop(long deadlineNanos, Consumer<Object> leftOver) {
        requestStop();
        long remaining = deadlineNanos - System.nanoTime();
        try {
            if (remaining > 0 && this.thread.isAlive()) {
                this.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.discard = leftOver; // before the role is read: the other half of drainBatch's hand-over
        if (this.thread.isAlive()) {
            this.thread.interrupt();
            if (!this.role.compareAndSet(IN_CALL, STOLEN)) {
                return;
            }
        }
        synchronized (this) {
            this.ended = true;
        }
        sweepIfEnded(leftOver);
    }

    /**
     * Hands every queued event to {@code leftOver} if the worker has ended, for an event a producer queued while
     * the lane was stopping. Producers call it only after stop began, so it costs nothing while the lane runs.
     * @param leftOver receives each event still queued
     */
    synchronized void sweepIfEnded(Consumer<Object> leftOver) {
        if (!this.ended) {
            return;
        }
        Object event;
        while ((event = this.queue.poll()) != null) {
            leftOver.accept(event);
        }
    }

    /**
     * One queued call and the signal it is counted under, for a lane with more than one signal.
     *
     * @param signal the signal
     * @param delivery the call
     */
    record QueuedDelivery(Signal signal, Delivery<Object> delivery) {
    }
}
