package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The ASYNC dispatcher of one lane: a bounded queue drained by a worker thread of its own ({@link LaneWorker} and its
 * {@link EventRing}), and the workers still delivering what was queued before a change of settings. It alone knows
 * the queue's capacity and its ring; it counts an event as queued in the account the lane gives with it, and tells its
 * lane through the lane's {@link DispatchTarget} what becomes of each event after that.
 * <p>
 * A worker is made when the lane first queues, and again when the queue must grow past what the current one holds:
 * events are queued to the new worker from then on, and the others retire: each delivers what it holds and ends, and
 * the new one waits for that before its first delivery (see {@link LaneWorker}). A queue that shrinks keeps its
 * worker: it takes new events only while it holds fewer than the new capacity, and keeps those it has; once the
 * events it held at the shrink have left, a worker whose ring has more slots than the capacity needs is replaced by
 * one with a ring of the right size ({@link #oversized}), which takes over the same way. A lane that stops queuing
 * (switched to INLINE) retires its workers the same way ({@link #retireAll}). A retired worker is let go of as soon
 * as it ends, so a queue's memory is what its current capacity needs once the events it held have left.
 * <p>
 * An event a producer still puts into the queue of a worker that has ended (retired, or stopped) is handed over to
 * the worker events are queued to now, counted once as it was, or dropped when there is none or its queue is full.
 */
final class AsyncDispatcher implements Dispatcher, LaneWorker.Listener {

    private final DispatchTarget target;

    private final String adapterName;

    private final LongSupplier clock;

    /** Runs each event a worker takes: hands it back to the lane. */
    private final QueuedEventHandler deliver = this::deliver;

    private final QueuedEventHandler handOver = this::handOver;

    private final QueuedEventHandler drop = this::drop;

    /** Every worker that has not ended, oldest first; guarded by {@code this}. */
    private final List<LaneWorker> workers = new ArrayList<>();

    /** The worker events are queued to: the newest, until it retires and ends; written under {@code this}. */
    private volatile @Nullable LaneWorker current;

    /** Whether the lane has started: a worker made from then on starts at once; guarded by {@code this}. */
    private boolean started;

    /** Whether the lane stops: no worker starts, and no event is handed over, any more. */
    private volatile boolean stopping;

    /**
     * @param target the lane
     * @param adapterName names the workers' threads
     * @param clock the lane's clock, which stamps the start of each call
     */
    AsyncDispatcher(DispatchTarget target, String adapterName, LongSupplier clock) {
        this.target = target;
        this.adapterName = adapterName;
        this.clock = clock;
    }

    @Override
    public DispatchMode mode() {
        return DispatchMode.ASYNC;
    }

    /**
     * Queues the event, counted as queued just before; a full queue drops it. An event caused by lanes' work carries
     * their chain to the worker ({@link CausedDelivery}).
     */
    @Override
    public void dispatch(SignalAccount account, Signal signal, Object delivery, Object subject,
            @Nullable Object detail, double value, @Nullable CausingLanes causes) {
        LaneWorker worker = this.current;
        account.queued();
        Object queued = (causes != null) ? new CausedDelivery(causes, delivery) : delivery;
        if (worker == null || !worker.offer(signal, queued, subject, detail, value)) {
            this.target.dropped(signal);
        }
        else if (!worker.isRunning()) {
            worker.sweepIfEnded(this.handOver);
        }
    }

    @Override
    public int capacity() {
        LaneWorker worker = this.current;
        return (worker != null) ? worker.capacity() : 0;
    }

    /**
     * Follows the lane's settings as it starts queuing with them, or as they change: the current worker takes the new
     * {@code queue-capacity} and {@code max-delay} when its ring holds that capacity; otherwise a new worker, with a
     * ring made for it, takes over from the last one (started when the lane is), and the others retire. Called under
     * the lane's lock, before it queues here with those settings.
     * @param settings the lane's settings now
     * @return this dispatcher
     * @throws OutOfMemoryError when there is no room for a new worker's queue or thread; nothing changed
     */
    synchronized AsyncDispatcher configure(LaneSettings settings) {
        int capacity = settings.queueCapacity();
        LaneWorker worker = this.current;
        if (worker != null && worker.isRunning() && worker.holds(capacity)) {
            worker.tune(capacity, settings.maxDelay());
        }
        else {
            queueTo(replacement(capacity, settings.maxDelay()));
        }
        return this;
    }

    /**
     * Retires every worker: each delivers what it holds and ends. Called under the lane's lock once it queues here no
     * more (switched to INLINE).
     */
    synchronized void retireAll() {
        this.workers.forEach(LaneWorker::requestStop);
    }

    /** @return a new worker, with a ring made for the capacity, that takes over from the last one */
    private LaneWorker replacement(int capacity, Duration maxDelay) {
        LaneWorker previous = this.workers.isEmpty() ? null : this.workers.get(this.workers.size() - 1);
        LaneWorker fresh = new LaneWorker(previous, this.adapterName, capacity, maxDelay, this.deliver, this.clock,
                this);
        if (this.started && !this.stopping) {
            fresh.start();
        }
        // once made and started: a worker that could not be (no memory for its queue or thread) leaves no trace
        this.workers.add(fresh);
        return fresh;
    }

    /** Queues to {@code kept} from now on, and retires every other worker. */
    private void queueTo(LaneWorker kept) {
        this.current = kept;
        for (LaneWorker worker : this.workers) {
            if (worker != kept) {
                worker.requestStop();
            }
        }
    }

    @Override
    public void started() {
        this.target.workerStarted();
    }

    /**
     * Gives back the memory a shrunk queue no longer needs: the current worker, whose ring is larger than its capacity
     * needs and which has delivered what it held when the capacity shrank, is replaced by one with a ring of the right
     * size, which takes over from it as after any change. Nothing happens when the lane stops, the worker has retired
     * meanwhile, or its capacity grew back.
     */
    @Override
    public synchronized void oversized(LaneWorker worker) {
        if (this.stopping || this.current != worker || !worker.isRunning()
                || !worker.isOversizedFor(worker.capacity())) {
            return;
        }
        queueTo(replacement(worker.capacity(), worker.maxDelay()));
    }

    /**
     * Lets go of a worker that ended: a retired one at once, so its ring is garbage; the one events were queued to
     * when the lane stopped stays, so the lane's snapshot still shows its capacity.
     */
    @Override
    public synchronized void ended(LaneWorker worker) {
        this.workers.remove(worker);
        if (this.current == worker && !this.stopping) {
            this.current = null;
        }
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
     * Waits for every worker to end until the deadline, oldest first; what is left queued then is dropped (see
     * {@link LaneWorker#awaitStop}).
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     */
    void awaitStop(long deadlineNanos) {
        List<LaneWorker> stopping;
        synchronized (this) {
            this.stopping = true;
            stopping = new ArrayList<>(this.workers);
        }
        for (LaneWorker worker : stopping) {
            worker.awaitStop(deadlineNanos, this.drop);
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

    /** @return the worker events are queued to now, or {@code null} (package-private, for tests) */
    @Nullable LaneWorker current() {
        return this.current;
    }

    private void deliver(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        if (delivery instanceof CausedDelivery caused) {
            this.target.deliverQueued(signal, caused.delivery(), subject, detail, value, caused.causes());
        }
        else {
            this.target.deliverQueued(signal, delivery, subject, detail, value, null);
        }
    }

    /**
     * An event left in the queue of a worker that has ended: queued again to the worker events are queued to now,
     * counted once as it was; dropped when the lane stops, there is no such worker, or its queue is full.
     */
    private void handOver(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        LaneWorker next = this.stopping ? null : this.current;
        if (next != null && next.isRunning() && next.offerPastCapacity(signal, delivery, subject, detail, value)) {
            if (!next.isRunning()) {
                next.sweepIfEnded(this.handOver);
            }
            return;
        }
        this.target.dropped(signal);
    }

    private void drop(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        this.target.dropped(signal);
    }
}
