package dev.observability.core.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.observability.core.dispatch.LaneSettings;
import org.jspecify.annotations.Nullable;

/**
 * The ASYNC workers of one lane: the one the lane queues to now, and those still delivering what was queued before a
 * change of settings. A worker is made when the lane first queues, and again when the queue must grow past what the
 * current one holds; the lane then queues to the new worker ({@link #workerFor}), then retires the others
 * ({@link #retireAllBut}): each delivers what it holds and ends, and the new one waits for that before its first
 * delivery (see {@link LaneWorker}). A queue that shrinks keeps its worker: it takes new events only while it holds
 * fewer than the new capacity, and keeps those it has; once the events it held at the shrink have left, a worker
 * whose ring has more slots than the capacity needs asks for a {@linkplain #replacement replacement} with a ring of
 * the right size, which takes over the same way. A lane that stops queuing (switched to INLINE) retires its worker the
 * same way. A worker that ends leaves the list at once, so a queue's memory is what its current capacity needs once
 * the events it held have left.
 */
final class LaneQueues implements LaneWorker.Listener {

    private final Object lane;

    private final String adapterName;

    private final QueuedEventHandler runner;

    private final LongSupplier clock;

    /** Asks the lane to replace a worker whose ring is larger than its capacity needs (see {@link #replacement}). */
    private final Consumer<LaneWorker> oversized;

    /** Every worker that has not ended, oldest first; the last is the current one unless it retired. */
    private final List<LaneWorker> workers = new ArrayList<>();

    private @Nullable LaneWorker current;

    private boolean started;

    private boolean stopping;

    /**
     * @param lane the lane the workers work for
     * @param adapterName names the workers' threads
     * @param runner delivers an event
     * @param clock the lane's clock
     * @param oversized asked, on the worker's thread, to replace a worker whose ring is larger than the lane's
     * capacity needs once its events from before the shrink have left; it may call {@link #replacement}
     */
    LaneQueues(Object lane, String adapterName, QueuedEventHandler runner, LongSupplier clock,
            Consumer<LaneWorker> oversized) {
        this.lane = lane;
        this.adapterName = adapterName;
        this.runner = runner;
        this.clock = clock;
        this.oversized = oversized;
    }

    /**
     * @param settings the lane's settings now
     * @return the worker to queue to: the current one (tuned to the settings) when its queue holds
     * {@code queue-capacity} events, otherwise a new one that takes over from the last one (started when the lane is)
     */
    synchronized LaneWorker workerFor(LaneSettings settings) {
        LaneWorker worker = this.current;
        if (worker != null && worker.holds(settings.queueCapacity())) {
            worker.tune(settings.queueCapacity(), settings.maxDelay());
            return worker;
        }
        return replacement(settings);
    }

    /**
     * @param settings the lane's settings now
     * @return a new worker, with a ring made for {@code queue-capacity}, that takes over from the last one (started
     * when the lane is); the lane queues to it, then retires the others ({@link #retireAllBut})
     */
    synchronized LaneWorker replacement(LaneSettings settings) {
        LaneWorker previous = this.workers.isEmpty() ? null : this.workers.get(this.workers.size() - 1);
        LaneWorker fresh = new LaneWorker(this.lane, previous, this.adapterName, settings.queueCapacity(),
                settings.maxDelay(), this.runner, this.clock, this);
        if (this.started && !this.stopping) {
            fresh.start();
        }
        // once made and started: a worker that could not be (no memory for its queue or thread) leaves no trace
        this.workers.add(fresh);
        return fresh;
    }

    /**
     * Makes {@code kept} the worker the lane queues to, and retires every other: each delivers what it holds and
     * ends. Called once the lane queues to {@code kept} only.
     * @param kept the worker the lane queues to now, or {@code null} when it queues no more (INLINE)
     */
    synchronized void retireAllBut(@Nullable LaneWorker kept) {
        for (LaneWorker worker : this.workers) {
            if (worker != kept) {
                worker.requestStop();
            }
        }
        this.current = kept;
    }

    @Override
    public void oversized(LaneWorker worker) {
        this.oversized.accept(worker);
    }

    @Override
    public synchronized void ended(LaneWorker worker) {
        this.workers.remove(worker);
    }

    /** Starts the workers; a worker made later starts at once. */
    synchronized void start() {
        this.started = true;
        if (!this.stopping) {
            this.workers.stream().filter((worker) -> !worker.isStarted()).forEach(LaneWorker::start);
        }
    }

    /** Tells every worker to deliver what it holds and end; returns at once. */
    synchronized void requestStop() {
        this.stopping = true;
        this.workers.forEach(LaneWorker::requestStop);
    }

    /**
     * Waits for every worker to end until the deadline, oldest first; what is left queued then goes to
     * {@code leftOver} (see {@link LaneWorker#awaitStop}).
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     * @param leftOver receives each event still queued
     */
    void awaitStop(long deadlineNanos, QueuedEventHandler leftOver) {
        List<LaneWorker> stopping;
        synchronized (this) {
            this.stopping = true;
            stopping = new ArrayList<>(this.workers);
        }
        for (LaneWorker worker : stopping) {
            worker.awaitStop(deadlineNanos, leftOver);
        }
    }

    /** @return the events queued in every worker */
    synchronized int depth() {
        int depth = 0;
        for (LaneWorker worker : this.workers) {
            depth += worker.depth();
        }
        return depth;
    }

    /** @return nanos the call in progress has run (in whichever worker delivers now), or -1 when none is */
    synchronized long currentCallNanos() {
        long longest = -1;
        for (LaneWorker worker : this.workers) {
            longest = Math.max(longest, worker.currentCallNanos());
        }
        return longest;
    }
}
