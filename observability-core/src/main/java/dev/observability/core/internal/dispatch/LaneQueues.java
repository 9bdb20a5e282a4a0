package dev.observability.core.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import dev.observability.core.dispatch.LaneSettings;
import org.jspecify.annotations.Nullable;

/**
 * The ASYNC workers of one lane: the one the lane queues to now, and those still delivering what was queued before a
 * change of settings. A worker is made when the lane first queues, and again when the queue must grow past what the
 * current one holds; the lane then queues to the new worker ({@link #workerFor}), then retires the others
 * ({@link #retireAllBut}): each delivers what it holds and ends, and the new one waits for that before its first
 * delivery (see {@link LaneWorker}). A queue that shrinks keeps its worker: it takes new events only while it holds
 * fewer than the new capacity, and keeps those it has. A lane that stops queuing (switched to INLINE) retires its
 * worker the same way.
 */
final class LaneQueues {

    private final Object lane;

    private final String adapterName;

    private final QueuedEventHandler runner;

    private final LongSupplier clock;

    /** Every worker not known to have ended, oldest first; the last is the current one unless it retired. */
    private final List<LaneWorker> workers = new ArrayList<>();

    private @Nullable LaneWorker current;

    private boolean started;

    private boolean stopping;

    /**
     * @param lane the lane the workers work for
     * @param adapterName names the workers' threads
     * @param runner delivers an event
     * @param clock the lane's clock
     */
    LaneQueues(Object lane, String adapterName, QueuedEventHandler runner, LongSupplier clock) {
        this.lane = lane;
        this.adapterName = adapterName;
        this.runner = runner;
        this.clock = clock;
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
        this.workers.removeIf(LaneWorker::hasEnded);
        LaneWorker previous = this.workers.isEmpty() ? null : this.workers.get(this.workers.size() - 1);
        LaneWorker fresh = new LaneWorker(this.lane, previous, this.adapterName, settings.queueCapacity(),
                settings.maxDelay(), this.runner, this.clock);
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
        this.workers.removeIf(LaneWorker::hasEnded);
        this.current = kept;
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
