package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * One worker thread of an {@link AsyncDispatcher} and its bounded queue ({@link EventRing}). Producers never block:
 * {@link #offer} either takes the event or refuses it at once when the queue holds its capacity. The worker hands
 * each event to its runner in FIFO order, in batches of at most {@value #BATCH} events between two looks at its stop
 * state.
 * <p>
 * <b>Idle policy: producers do not pay for waking the worker.</b> When the queue is empty the worker parks for at
 * most the lane's {@code max-delay} (100 ms by default); a producer wakes it only when its event is the
 * {@linkplain #wakeThreshold(int, Duration) wake threshold}'s one since the worker parked ({@value #BATCH} events, or
 * a quarter of a smaller queue). So an event reaches the adapter within {@code max-delay} of being queued, or as soon
 * as the worker wakes for a full batch, and a busy application pays one wake-up (a {@code futex} call and a context
 * switch) per batch instead of one per event. While producers keep it busy (a round of at least a wake threshold's
 * events), the worker lingers instead: it parks for at most {@value #LINGER_MILLIS} ms and is woken by a producer only
 * if half the queue fills meanwhile, so a flood of events costs the producers no wake-up at all. The worker never
 * spins: on a machine of two cores, a spinning worker takes the core the application needs. A {@code max-delay} of 0
 * wakes the worker for the first event after it parked. (The references: the OpenTelemetry SDK's batch processors
 * export on a schedule or when a batch fills; the LMAX Disruptor's blocking wait strategy and JCTools' idle strategies
 * park a consumer that finds nothing.) What it buys: {@code LaneWakeUpBenchmark} shows the caller's cost of an event
 * and the context switches per event, for an idle worker and a busy one.
 * <p>
 * Stopping is two steps, so that every lane of a manager drains at the same time: {@link #requestStop()} wakes the
 * worker, which delivers what is queued and ends, and {@link #awaitStop} waits for that until a deadline. Whatever is
 * left after the worker has ended, including an event a producer slipped in while the lane was stopping, goes to a
 * leftover handler (which counts it as dropped, or hands it to the dispatcher's next worker), so no event stays
 * pending for ever.
 * <p>
 * A dispatcher whose queue must grow past what this one holds, or which stops queuing, retires its worker the same way
 * ({@link #requestStop()}): it delivers what is queued and ends, and a worker that takes over from it waits for that
 * before its first delivery ({@code predecessor}), so the adapter is called by one worker at a time, in the order the
 * events were queued; once it has, it lets go of its predecessor, so a retired worker and its ring are garbage once
 * they have handed over. A queue that shrinks, or a {@code max-delay} that changes, keeps its worker ({@link #tune});
 * a worker whose ring has more slots than the new capacity needs gives it back once the events it held at the shrink
 * have left: it tells its {@link Listener}, which replaces it with a worker of a ring of the right size that takes
 * over from it as above. The worker's three hand-overs (the producers' wake-up, the stop's taking of the consumer's
 * role, a retired predecessor) share its state, and each is explained where it is made.
 */
final class LaneWorker {

    /** The most events the worker takes from the queue before it looks at its stop state again. */
    static final int BATCH = 256;

    /** How long an idle worker whose lane has a {@code max-delay} of 0 parks before it looks at its state again. */
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The longest a worker lingers after a busy round (never longer than the lane's {@code max-delay}). */
    private static final long LINGER_MILLIS = 1;

    /** {@link #wakeAt} while the worker is awake: no producer wakes it. */
    private static final long AWAKE = Long.MAX_VALUE;

    /** {@link #shrinkMark} while the ring has as many slots as the lane's capacity needs. */
    private static final long NO_SHRINK = -1;

    /** The current call's start ({@link #perEvent}) while the worker is not in a call. */
    private static final long NOT_IN_CALL = Long.MIN_VALUE;

    /** The worker is the queue's consumer. */
    private static final long POLLING = 0;

    /** The worker is in a call: whoever stops the lane may take the consumer's role. */
    private static final long IN_CALL = 1;

    /** The lane's stop took the consumer's role from a worker stuck in a call; the worker ends when it returns. */
    private static final long STOLEN = 2;

    /** Where {@link #perEvent} keeps the role. */
    private static final int ROLE = 0;

    /** Where {@link #perEvent} keeps the current call's start. */
    private static final int CALL_STARTED_AT = 1;

    private final EventRing ring;

    private final QueuedEventHandler runner;

    private final LongSupplier clock;

    private final Thread thread;

    /** The lane's {@code max-delay}, changed with its settings ({@link #tune}). */
    private volatile Duration maxDelay;

    /** Read by the worker before it parks; changed with the lane's settings ({@link #tune}). */
    private volatile int wakeThreshold;

    private volatile long parkNanos;

    /** How long the worker lingers after a busy round: 0 (never) when the lane's {@code max-delay} is 0. */
    private volatile long lingerNanos;

    /** The events queued while the worker lingers that make a producer wake it: half the queue. */
    private volatile int lingerWakeThreshold;

    /**
     * The producer index past which the parked worker is woken: the index of the event that makes the wake threshold,
     * plus one; {@link #AWAKE} while the worker is not parked. Written twice per park, read by every producer.
     */
    private volatile long wakeAt = AWAKE;

    private volatile boolean running = true;

    /**
     * The producer index when the lane's capacity shrank below what the ring's slots are for, or {@link #NO_SHRINK}:
     * once the worker has taken every event before it, it asks for a ring of the right size. Written with the lane's
     * settings ({@link #tune}), read by the worker once per batch.
     */
    private volatile long shrinkMark = NO_SHRINK;

    /**
     * What the worker writes for each event, alone on its cache lines: at {@link #ROLE} the queue's consumer role
     * ({@link #POLLING}, {@link #IN_CALL}, {@link #STOLEN}), at {@link #CALL_STARTED_AT} when the current call started
     * by the lane's clock, or {@link #NOT_IN_CALL} (ordered stores). Producers read {@link #wakeAt} for each event;
     * were these next to it, every event's writes would take that cache line from them.
     */
    private final PaddedCells perEvent = new PaddedCells(2);

    private volatile @Nullable QueuedEventHandler discard;

    private boolean ended;

    /** Set by the worker when its stop took the consumer's role during the call it just made. */
    private boolean stolen;

    private final QueuedEventHandler take = this::take;

    /**
     * The worker this one takes over from: it waits for its end before its first delivery, then lets go of it, so a
     * retired worker is not kept by the one after it. Written before the thread starts, then by the thread alone.
     */
    private @Nullable LaneWorker predecessor;

    private final Listener listener;

    private volatile boolean started;

    /**
     * @param predecessor the worker this one takes over from, or {@code null}
     * @param adapterName the adapter's name, in the thread's name
     * @param capacity the most events queued
     * @param maxDelay the longest a queued event waits for a parked worker; 0 wakes it for the first event
     * @param runner runs each event on the worker's thread
     * @param clock the lane's clock, which stamps the start of each call
     * @param listener hears that the worker starts, that its ring is larger than the lane needs, and that it ends
     */
    LaneWorker(@Nullable LaneWorker predecessor, String adapterName, int capacity, Duration maxDelay,
            QueuedEventHandler runner, LongSupplier clock, Listener listener) {
        this.predecessor = predecessor;
        this.listener = listener;
        this.ring = new EventRing(capacity);
        this.perEvent.set(CALL_STARTED_AT, NOT_IN_CALL);
        this.runner = runner;
        this.clock = clock;
        this.thread = new Thread(this::work, "observability-lane-" + adapterName);
        this.thread.setDaemon(true);
        this.maxDelay = maxDelay;
        tune(capacity, maxDelay);
    }

    /**
     * @param capacity the queue's capacity
     * @param maxDelay the lane's {@code max-delay}
     * @return how many events queued while the worker is parked make a producer wake it: {@value #BATCH} (a full
     * batch), a quarter of a queue smaller than four batches (so that a woken worker finds three quarters of its queue
     * still free for what producers queue while it wakes up), and 1 when {@code max-delay} is 0
     */
    static int wakeThreshold(int capacity, Duration maxDelay) {
        return maxDelay.isZero() ? 1 : Math.max(1, Math.min(BATCH, capacity / 4));
    }

    /**
     * Follows the lane's settings: the queue takes up to the capacity from now on, and the wake threshold and the
     * longest park follow the capacity and {@code max-delay}. A capacity that needs fewer slots than the ring has
     * marks the events queued so far: once they have left, the worker asks for a ring of the right size (and is woken
     * to look at once, in case its queue is empty). Called by one thread at a time.
     * @param capacity the lane's queue capacity (no more than this worker's queue holds)
     * @param maxDelay the lane's {@code max-delay}
     */
    void tune(int capacity, Duration maxDelay) {
        this.ring.capacity(capacity);
        this.maxDelay = maxDelay;
        this.wakeThreshold = wakeThreshold(capacity, maxDelay);
        this.parkNanos = maxDelay.isZero() ? IDLE_PARK_NANOS : maxDelay.toNanos();
        this.lingerNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS), maxDelay.toNanos());
        this.lingerWakeThreshold = Math.max(this.wakeThreshold, capacity / 2);
        if (!isOversizedFor(capacity)) {
            this.shrinkMark = NO_SHRINK;
        }
        else if (this.shrinkMark == NO_SHRINK) {
            this.shrinkMark = this.ring.claimed();
            LockSupport.unpark(this.thread);
        }
    }

    void start() {
        this.started = true;
        this.thread.start();
    }

    /**
     * Queues an event, and wakes the parked worker when this event is the one it waits for.
     * @param signal the signal the event is counted under
     * @param delivery the call to make
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @return {@code false} when the queue holds its capacity
     */
    boolean offer(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        return woken(this.ring.offer(signal, delivery, subject, detail, value));
    }

    /**
     * Queues an event handed over from a worker that ended, whatever the capacity (it was counted when it was first
     * queued), and wakes the parked worker when this event is the one it waits for.
     * @param signal the signal the event is counted under
     * @param delivery the call to make
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @return {@code false} when every slot of the queue is taken
     */
    boolean offerPastCapacity(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        return woken(this.ring.offerPastCapacity(signal, delivery, subject, detail, value));
    }

    /** @param index the index an offer took, or -1 when the queue refused it */
    private boolean woken(long index) {
        if (index < 0) {
            return false;
        }
        if (index + 1 == this.wakeAt) {
            LockSupport.unpark(this.thread);
        }
        return true;
    }

    int depth() {
        return this.ring.size();
    }

    /** @return the most events the queue takes now */
    int capacity() {
        return this.ring.capacity();
    }

    /** @return the lane's {@code max-delay} the worker follows now */
    Duration maxDelay() {
        return this.maxDelay;
    }

    /**
     * @param capacity a queue capacity
     * @return whether this worker's queue can hold that many events
     */
    boolean holds(int capacity) {
        return capacity <= this.ring.slots();
    }

    /**
     * @param capacity a queue capacity
     * @return whether this worker's ring has more slots than a ring made for that capacity
     */
    boolean isOversizedFor(int capacity) {
        return EventRing.slotsFor(capacity) < this.ring.slots();
    }

    int slots() {
        return this.ring.slots();
    }

    /** @return whether the worker takes events: it has not been asked to stop (or to retire) */
    boolean isRunning() {
        return this.running;
    }

    /** @return whether the worker's thread was started */
    boolean isStarted() {
        return this.started;
    }

    /**
     * @return whether the worker is parked, idle, until a producer wakes it or its park's time passes (its thread
     * waits in {@link LockSupport#parkNanos} with a wake index set)
     */
    boolean isParked() {
        return this.thread.getState() == Thread.State.TIMED_WAITING && this.wakeAt != AWAKE;
    }

    /**
     * @return nanos the current call has run, or -1 when the worker is not in a call; the call's start is stamped by
     * the lane's clock, so this may exceed the truth by one period of that clock
     */
    long currentCallNanos() {
        long startedAt = this.perEvent.get(CALL_STARTED_AT);
        return (startedAt != NOT_IN_CALL) ? Math.max(0, System.nanoTime() - startedAt) : -1;
    }

    private void work() {
        try {
            this.listener.started();
            awaitPredecessor();
            deliverUntilEnd();
        }
        finally {
            this.listener.ended(this);
        }
    }

    private void deliverUntilEnd() {
        long takenSinceIdle = 0;
        while (true) {
            int taken = drainBatch();
            if (taken < 0) {
                return;
            }
            if (this.running && hasDrainedPastShrink()) {
                this.shrinkMark = NO_SHRINK;
                this.listener.oversized(this);
            }
            if (taken > 0) {
                takenSinceIdle += taken;
                continue;
            }
            if (!this.running) {
                if (endIfEmpty()) {
                    return;
                }
                continue;
            }
            idle(takenSinceIdle >= this.wakeThreshold);
            takenSinceIdle = 0;
        }
    }

    /**
     * Waits until the worker this one takes over from has delivered what it queued and ended, so the two never call
     * the adapter at the same time; a stop of the lane ends the wait (this worker then discards, see
     * {@link #awaitStop}).
     */
    private void awaitPredecessor() {
        LaneWorker before = this.predecessor;
        this.predecessor = null;
        while (before != null && before.thread.isAlive() && this.discard == null) {
            try {
                before.thread.join(TimeUnit.NANOSECONDS.toMillis(this.parkNanos) + 1);
            }
            catch (InterruptedException ex) {
                // a stop interrupts the worker: the loop looks at the stop's discard
            }
        }
    }

    /** @return whether the capacity shrank below what the ring is for, and every event queued before has left */
    private boolean hasDrainedPastShrink() {
        long mark = this.shrinkMark;
        return mark != NO_SHRINK && this.ring.taken() >= mark;
    }

    /**
     * Parks until the event the worker waits for is queued, the park's time has passed or the lane stops. After a
     * round that took at least a wake threshold's worth of events (producers are busy), the worker lingers: it parks
     * for {@value #LINGER_MILLIS} ms at most and asks to be woken only when half the queue is full, so that producers
     * that keep the lane busy never pay a wake-up; the worker's own timer wakes it instead. Otherwise it waits for the
     * wake threshold's event, or for {@code max-delay}.
     * <p>
     * The worker publishes the index it waits for before it reads the producers' index, and each producer claims its
     * index before it reads {@link #wakeAt}; both are volatile, so either the worker sees that the event it waits for
     * is already claimed and does not park, or that event's producer sees what the worker waits for and wakes it.
     * A wake-up that comes while the worker is not parked only makes its next park return at once.
     * @param lingering whether producers kept the worker busy since it last parked
     */
    private void idle(boolean lingering) {
        boolean linger = lingering && this.lingerNanos > 0;
        long wakeAt = this.ring.taken() + (linger ? this.lingerWakeThreshold : this.wakeThreshold);
        this.wakeAt = wakeAt;
        // an adapter may leave the worker's thread interrupted, which would make every park return at once
        Thread.interrupted();
        if (this.ring.claimed() < wakeAt && this.running) {
            LockSupport.parkNanos(this, linger ? this.lingerNanos : this.parkNanos);
        }
        this.wakeAt = AWAKE;
    }

    /**
     * Takes up to {@link #BATCH} events from the queue and runs (or, once the stop has passed its deadline, discards)
     * each. The consumer's role changes hands around every event, so a stop can take it from a call that hangs.
     * @return the events taken, or -1 when the stop took the consumer's role and the worker must end
     */
    private int drainBatch() {
        for (int taken = 0; taken < BATCH; taken++) {
            if (!this.ring.poll(this.take)) {
                return taken;
            }
            if (this.stolen) {
                return -1;
            }
        }
        return BATCH;
    }

    /**
     * Runs or discards one event the worker took. The worker polls only as {@code POLLING}, then claims
     * {@code IN_CALL} <em>before</em> it looks for the stop's {@link #discard}, while {@link #awaitStop} sets
     * {@code discard} before it tries to take the role from {@code IN_CALL}. Both are volatile, so one of the two sees
     * the other: the worker sees the stop and discards, or the stop sees the worker in its call (or about to make it)
     * and takes the queue. The per-event cost: one volatile store and one compare-and-set, on the worker's thread.
     */
    private void take(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        this.perEvent.set(ROLE, IN_CALL);
        QueuedEventHandler discarder = this.discard;
        if (discarder != null) {
            discarder.handle(signal, delivery, subject, detail, value);
        }
        else {
            call(signal, delivery, subject, detail, value);
        }
        if (!this.perEvent.compareAndSet(ROLE, IN_CALL, POLLING)) {
            this.stolen = true;
        }
    }

    private void call(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        this.perEvent.setOrdered(CALL_STARTED_AT, this.clock.getAsLong());
        try {
            this.runner.handle(signal, delivery, subject, detail, value);
        }
        finally {
            this.perEvent.setOrdered(CALL_STARTED_AT, NOT_IN_CALL);
        }
    }

    private synchronized boolean endIfEmpty() {
        if (this.ring.isEmpty()) {
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
     * polling: it claims the role before each event and then sees the stop (see {@code take}).
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     * @param leftOver receives each event still queued when the deadline passed, possibly from the worker and the
     * stopping thread at the same time
     */
    void awaitStop(long deadlineNanos, QueuedEventHandler leftOver) {
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
        this.discard = leftOver; // before the role is read: the other half of take's hand-over
        if (this.thread.isAlive()) {
            this.thread.interrupt();
            if (!this.perEvent.compareAndSet(ROLE, IN_CALL, STOLEN)) {
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
    synchronized void sweepIfEnded(QueuedEventHandler leftOver) {
        if (!this.ended) {
            return;
        }
        while (this.ring.poll(leftOver)) {
            // each event goes to leftOver
        }
    }

    /** What a worker tells its dispatcher of its life; called on the worker's thread. */
    interface Listener {

        /** The worker's thread starts, before it takes any event. */
        void started();

        /**
         * The worker's ring has more slots than the lane's capacity needs, and the events it held when the capacity
         * shrank have left: the dispatcher may replace it with a worker of a ring of the right size.
         * @param worker the worker
         */
        void oversized(LaneWorker worker);

        /**
         * The worker takes no more events from its queue; its thread ends.
         * @param worker the worker
         */
        void ended(LaneWorker worker);
    }
}
