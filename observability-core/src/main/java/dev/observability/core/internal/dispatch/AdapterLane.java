package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.FailureLog;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.settings.SettingChange;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Outcome;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * The isolation around one adapter, its hot path: an enabled switch, a circuit breaker and a dispatch mode (inline or
 * a bounded queue with its own worker). {@link #submit} never throws and never blocks. Each event's outcome goes into
 * the lane's {@link LaneAccount}; what the lane knows of the adapter's health, and the health it derives, is its
 * {@link LaneHealth}.
 * <p>
 * The settings in force are one {@link LaneTuning}, read once per event and swapped whole by {@link #change}, under
 * the same lock as the start and the stop. The hot path is one piece: the refusals, the guard against feedback, the
 * breaker's permission, the inline call or the queueing, and the worker's delivery share the lane's fields and tuning.
 */
public final class AdapterLane implements LaneView {

    /**
     * The lanes whose work the thread does now ({@link CausingLanes}): {@code null} on a thread of the application,
     * the lane (and what caused the event it works on) while the thread asks a lane's breaker for permission, calls
     * its adapter, or works as its worker. Whatever is recorded from there (an adapter that logs or records meters
     * while it is called, a breaker's own events turned into meters and bridged back, a lane's failure report and the
     * metric the logging framework counts for that line) is caused by that work: each lane in the chain refuses it and
     * counts it as {@link Outcome#REJECTED_REENTRANT}, so a lane never receives its own feedback, directly or through
     * other lanes, and nothing recurses or loops; every other lane receives it, of every signal, with the chain
     * extended by itself (through its queue too, see {@link CausedDelivery}). A chain passes each lane at most once,
     * so the telemetry one event causes ends after as many lanes as there are.
     * <p>
     * Each thread has one {@link Whereabouts}, looked up once per event and changed in place, so that no event pays a
     * thread-local map's {@code set} (a second search of the thread's map, and its clean-up of stale entries).
     */
    private static final ThreadLocal<Whereabouts> INSIDE_A_LANE = ThreadLocal.withInitial(Whereabouts::new);

    /**
     * Delivers a {@link Delivery}: a plain delivery as a value delivery, so both kinds of submission share one path.
     */
    private static final ValueDelivery<Object, Delivery<Object>> RUN_DELIVERY =
            (adapter, delivery, unused) -> delivery.deliverTo(adapter);

    private static final long CLOSE_GRACE_MILLIS = 100;

    /** How long an OPEN breaker's refusals skip asking the breaker (which allocates an event per refusal). */
    private static final long OPEN_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ObservabilityAdapter adapter;

    private final Set<Signal> signals;

    private final CircuitBreakerFactory breakerFactory;

    /** The settings the lane was made with: what a setting changed at runtime returns to. */
    private final LaneSettings configured;

    /** The settings in force and what they make; replaced whole by a change, read once per event. */
    private volatile LaneTuning tuning;

    private final LaneQueues queues;

    private final LaneAccount account;

    private final LaneHealth health;

    private final FailureLog failureLog;

    /** The chain of this lane's own work on what the application recorded: the thread's mark while it calls. */
    private final CausingLanes ownWork;

    /** The period this lane holds of the {@link CoarseClock} (from its start to its stop), or 0. */
    private long heldClockPeriod;

    /** Whether this lane holds the coarse clock. */
    private volatile boolean clockHeld;

    private boolean started;

    /** Counts a queued event that is left over as dropped. */
    private final QueuedEventHandler dropLeftover;

    /** Hands an event left in a retired worker's queue to the worker the lane queues to now (or drops it). */
    private final QueuedEventHandler handOver = this::handOver;

    private final LongAdder settingsChanges = new LongAdder();

    private volatile boolean accepting = true;

    private volatile long openRecheckAt;

    /**
     * A lane that masks sensitive health details with {@link Redaction#defaults()}.
     * @param adapter the adapter
     * @param signals the signals it receives
     * @param settings the lane's settings
     * @param breakerFactory makes the circuit breaker
     * @param failureLogInterval the shortest time between two failure reports in the application's log
     */
    public AdapterLane(ObservabilityAdapter adapter, Set<Signal> signals, LaneSettings settings,
            CircuitBreakerFactory breakerFactory, Duration failureLogInterval) {
        this(adapter, signals, settings, breakerFactory, failureLogInterval, Redaction.defaults());
    }

    /**
     * @param adapter the adapter
     * @param signals the signals it receives
     * @param settings the lane's settings
     * @param breakerFactory makes the circuit breaker
     * @param failureLogInterval the shortest time between two failure reports in the application's log
     * @param redaction masks sensitive keys in the adapter's health details before they are kept
     */
    public AdapterLane(ObservabilityAdapter adapter, Set<Signal> signals, LaneSettings settings,
            CircuitBreakerFactory breakerFactory, Duration failureLogInterval, Redaction redaction) {
        this.adapter = adapter;
        this.signals = Collections.unmodifiableSet(EnumSet.copyOf(signals));
        this.breakerFactory = breakerFactory;
        this.configured = settings;
        this.account = new LaneAccount(this.signals);
        this.health = new LaneHealth(redaction);
        this.openRecheckAt = System.nanoTime();
        this.failureLog = new FailureLog(adapter.name(), failureLogInterval, System::nanoTime);
        this.ownWork = new CausingLanes(this, null);
        this.queues = new LaneQueues(this, adapter.name(), this::deliver, this::now, this::replaceOversized);
        CircuitBreaker breaker = breakerFactory.create(adapter.name(),
                CircuitBreakerFactory.config(settings.circuitBreaker()));
        DispatchMode dispatch = dispatchOf(settings);
        LaneWorker queue = (dispatch == DispatchMode.ASYNC) ? this.queues.workerFor(settings) : null;
        this.queues.retireAllBut(queue);
        this.tuning = LaneTuning.of(settings, dispatch, breaker,
                new BreakerOutcomes(breaker, this.account::deliveredSoFar), queue);
        this.dropLeftover = (signal, delivery, subject, detail, value) -> {
            this.tuning.breaker().releasePermission();
            this.account.of(signal).queuedDropped();
        };
    }

    private DispatchMode dispatchOf(LaneSettings settings) {
        DispatchMode mode = settings.dispatch();
        return (mode != null) ? mode : this.adapter.preferredDispatch();
    }

    /**
     * Starts timing calls with the shared {@link CoarseClock} (unless the slow-call threshold is under 10 ms) and
     * starts the worker of an ASYNC lane. Before its start, and after its stop, a lane times each call with
     * {@link System#nanoTime()}.
     */
    public synchronized void start() {
        this.started = true;
        holdClock(this.tuning.clockPeriodNanos());
        this.queues.start();
    }

    /**
     * Holds the coarse clock at a period (0: none, the lane reads {@link System#nanoTime()}), releasing the period
     * held before.
     */
    private synchronized void holdClock(long periodNanos) {
        long held = this.heldClockPeriod;
        if (held == periodNanos) {
            return;
        }
        if (periodNanos != 0) {
            CoarseClock.SHARED.hold(periodNanos);
        }
        this.heldClockPeriod = periodNanos;
        this.clockHeld = periodNanos != 0;
        if (held != 0) {
            CoarseClock.SHARED.release(held);
        }
    }

    /**
     * The lane's time: the coarse clock's last tick while the lane is started (behind {@link System#nanoTime()} by
     * at most a tenth of the slow-call threshold, never more than 100 ms), {@code System.nanoTime()} otherwise.
     */
    private long now() {
        return this.clockHeld ? CoarseClock.SHARED.now() : System.nanoTime();
    }

    @Override
    public String name() {
        return this.adapter.name();
    }

    /** @return the adapter */
    public ObservabilityAdapter adapter() {
        return this.adapter;
    }

    @Override
    public Set<Signal> signals() {
        return this.signals;
    }

    /** @return the lane's circuit breaker now (a change of its settings replaces it) */
    public CircuitBreaker circuitBreaker() {
        return this.tuning.breaker();
    }

    @Override
    public String circuitState() {
        return this.tuning.breaker().getState().name();
    }

    /** @return how the lane records outcomes in its breaker (package-private, for tests) */
    BreakerOutcomes outcomes() {
        return this.tuning.outcomes();
    }

    /** @return the worker the lane queues to now, or {@code null} when it queues nothing (package-private, for tests) */
    @Nullable LaneWorker queue() {
        return this.tuning.queue();
    }

    @Override
    public boolean isEnabled() {
        return this.tuning.settings().enabled();
    }

    @Override
    public LaneSettings settings() {
        return this.tuning.settings();
    }

    @Override
    public LaneSettings configuredSettings() {
        return this.configured;
    }

    @Override
    public long settingsChanges() {
        return this.settingsChanges.sum();
    }

    /**
     * Changes some of the lane's settings at once, all or nothing: producers see the old settings or the new ones,
     * never a mix (see {@link LaneTuning}). A breaker whose settings change is replaced, in the same state where
     * Resilience4j allows it ({@link LaneTuning#replaceBreaker}); a queue that must grow gets a new worker that takes
     * over from the old one, a queue that shrinks keeps the events it holds and gives back a ring larger than it needs
     * once they have left (see {@link LaneQueues}, {@link #replaceOversized}). A signal switched
     * off, or the adapter, refuses its events as {@link Outcome#REJECTED_DISABLED}.
     * @param change the change; a reset returns a setting to its configured value
     * @return each setting whose value changed, from and to (none when the change changes nothing)
     * @throws IllegalArgumentException naming the setting, when a setting refuses its new value, or when applying a
     * value overflows: nothing changed
     * @throws IllegalStateException when the lane has stopped, or when the heap has no room for what the new settings
     * need (a larger queue): nothing changed
     */
    public synchronized List<SettingChange> change(SettingsChange<LaneSettings> change) {
        if (!this.accepting) {
            throw new IllegalStateException("the lane of adapter '" + name() + "' has stopped");
        }
        SettingsChange.Applied<LaneSettings> applied = change.applyTo(this.tuning.settings(), this.configured);
        if (!applied.changes().isEmpty()) {
            applyWhole(applied.settings());
            this.settingsChanges.add(applied.changes().size());
        }
        return applied.changes();
    }

    /**
     * Applies new settings whole, or leaves the settings in force: an {@link OutOfMemoryError} or an arithmetic
     * overflow while the lane makes what the new settings need is answered with an exception, and when the change
     * made a new breaker, the lane and the application's registry get one of the settings in force again.
     */
    private void applyWhole(LaneSettings next) {
        LaneTuning old = this.tuning;
        boolean newBreaker = !next.circuitBreaker().equals(old.settings().circuitBreaker());
        try {
            apply(next, newBreaker ? LaneTuning.replaceBreaker(this.breakerFactory, old.breaker(), next)
                    : old.breaker());
        }
        catch (OutOfMemoryError ex) {
            restoreBreaker(old, newBreaker);
            throw new IllegalStateException("not enough free memory to change the settings of adapter '" + name()
                    + "'; nothing changed", ex);
        }
        catch (ArithmeticException ex) {
            restoreBreaker(old, newBreaker);
            throw new IllegalArgumentException("the new settings of adapter '" + name() + "' overflow ("
                    + ex.getMessage() + "); nothing changed", ex);
        }
    }

    /**
     * After a change that made a new breaker failed, replaces whatever breaker it left in the factory's registry with
     * one of the settings in force, in the state of the lane's (see {@link LaneTuning#replaceBreaker}), and puts that
     * one in the lane.
     */
    private void restoreBreaker(LaneTuning old, boolean newBreaker) {
        if (newBreaker) {
            CircuitBreaker restored = LaneTuning.replaceBreaker(this.breakerFactory, old.breaker(), old.settings());
            this.tuning = LaneTuning.of(old.settings(), old.dispatch(), restored,
                    new BreakerOutcomes(restored, this.account::deliveredSoFar), old.queue());
        }
    }

    /**
     * Puts new settings in force with their breaker; the worker, made last because it is the largest allocation
     * (its queue), is the last step that can fail.
     */
    private void apply(LaneSettings next, CircuitBreaker breaker) {
        LaneTuning old = this.tuning;
        BreakerOutcomes outcomes = (breaker != old.breaker())
                ? new BreakerOutcomes(breaker, this.account::deliveredSoFar) : old.outcomes();
        DispatchMode dispatch = dispatchOf(next);
        LaneWorker queue = (dispatch == DispatchMode.ASYNC) ? this.queues.workerFor(next) : null;
        LaneTuning fresh = LaneTuning.of(next, dispatch, breaker, outcomes, queue);
        if (this.started) {
            holdClock(fresh.clockPeriodNanos());
        }
        this.tuning = fresh;
        // after the new tuning is in force: an event a producer still queues to a retired worker is handed over
        this.queues.retireAllBut(queue);
    }

    /**
     * Gives back the memory a shrunk queue no longer needs: the worker the lane queues to, whose ring is larger than
     * the capacity needs and which has delivered what it held when the capacity shrank, is replaced by one with a ring
     * of the right size, which takes over from it as after any change. Called on that worker's thread; nothing
     * happens when the lane has stopped, queues to another worker now, or its capacity grew back meanwhile.
     * @param oversized the worker that asks
     */
    private synchronized void replaceOversized(LaneWorker oversized) {
        LaneTuning tuning = this.tuning;
        if (!this.accepting || tuning.queue() != oversized
                || !oversized.isOversizedFor(tuning.settings().queueCapacity())) {
            return;
        }
        LaneWorker queue = this.queues.replacement(tuning.settings());
        this.tuning = LaneTuning.of(tuning.settings(), tuning.dispatch(), tuning.breaker(), tuning.outcomes(), queue);
        this.queues.retireAllBut(queue);
    }

    /**
     * Hands one event to the adapter, now or through the queue. Never throws, never blocks.
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param <A> the adapter type
     */
    @SuppressWarnings("unchecked")
    public <A> void submit(Signal signal, Delivery<A> delivery) {
        submit(signal, RUN_DELIVERY, (Delivery<Object>) delivery, 0);
    }

    /**
     * Hands one event to the adapter, now or through the queue, as a call that takes its subject and value as
     * arguments: on an INLINE lane nothing is allocated for the event; an ASYNC lane queues the three together.
     * Never throws, never blocks.
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param subject what the call is about (for example a metric's id)
     * @param value the number passed with it
     * @param <A> the adapter type
     * @param <S> the subject's type
     */
    public <A, S> void submit(Signal signal, ValueDelivery<A, S> delivery, S subject, double value) {
        submitCall(signal, delivery, subject, null, value);
    }

    /**
     * Hands one event to the adapter, now or through the queue, as a call that takes two objects as arguments (such
     * as a logging framework's event and the span current when it was logged), run on the thread that delivers: on
     * an INLINE lane the caller's, on an ASYNC lane the worker. Nothing is allocated for the event. Never throws,
     * never blocks.
     * @param signal the signal the event is counted under
     * @param delivery the call to make on the adapter
     * @param subject what the call is about
     * @param detail the second object, or {@code null}
     * @param <A> the adapter type
     * @param <S> the subject's type
     * @param <D> the detail's type
     */
    public <A, S, D> void submit(Signal signal, DetailDelivery<A, S, D> delivery, S subject, @Nullable D detail) {
        submitCall(signal, delivery, subject, detail, 0);
    }

    /**
     * The one path of every submission.
     * @param delivery a {@link ValueDelivery} or a {@link DetailDelivery}
     */
    private void submitCall(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        SignalAccount account = this.account.of(signal);
        LaneTuning tuning = this.tuning;
        if (!tuning.accepts(signal) || !this.accepting) {
            account.rejectedDisabled();
            return;
        }
        Whereabouts here = INSIDE_A_LANE.get();
        CausingLanes causes = here.causes;
        if (causes != null) {
            submitCaused(here, causes, tuning, signal, account, delivery, subject, detail, value);
            return;
        }
        here.causes = this.ownWork;
        try {
            dispatch(tuning, signal, account, null, delivery, subject, detail, value);
        }
        finally {
            here.causes = null;
        }
    }

    /**
     * An event recorded on a thread that works for lanes: refused and counted as {@link Outcome#REJECTED_REENTRANT}
     * when this lane's work is among its causes, else dispatched with this lane added to the chain (see
     * {@link #INSIDE_A_LANE}).
     */
    private void submitCaused(Whereabouts here, CausingLanes causes, LaneTuning tuning, Signal signal,
            SignalAccount account, Object delivery, Object subject, @Nullable Object detail, double value) {
        if (causes.include(this)) {
            account.rejectedReentrant();
            return;
        }
        CausingLanes chain = new CausingLanes(this, causes);
        here.causes = chain;
        try {
            dispatch(tuning, signal, account, chain, delivery, subject, detail, value);
        }
        finally {
            here.causes = causes;
        }
    }

    /**
     * Asks the breaker, then calls the adapter or queues the event.
     * @param chain this lane and the lanes whose work caused the event, or {@code null} when the application did
     */
    private void dispatch(LaneTuning tuning, Signal signal, SignalAccount account, @Nullable CausingLanes chain,
            Object delivery, Object subject, @Nullable Object detail, double value) {
        if (!permitted(tuning.breaker())) {
            account.rejectedCircuitOpen();
            return;
        }
        LaneWorker queue = tuning.queue();
        if (queue == null) {
            run(tuning, account, false, delivery, subject, detail, value);
            return;
        }
        account.queued();
        Object queued = (chain != null) ? new CausedDelivery(chain, delivery) : delivery;
        if (!queue.offer(signal, queued, subject, detail, value, tuning.settings().queueCapacity())) {
            tuning.breaker().releasePermission();
            account.queuedDropped();
        }
        else if (!queue.isRunning()) {
            queue.sweepIfEnded(this.handOver);
        }
    }

    /**
     * An event left in the queue of a worker that has ended (retired by a change of settings, or stopped): queued
     * again to the worker the lane queues to now, counted once as it was; dropped when the lane has stopped, queues no
     * more, or that worker's queue is full.
     */
    private void handOver(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        LaneWorker target = this.accepting ? this.tuning.queue() : null;
        if (target != null && target.isRunning()
                && target.offer(signal, delivery, subject, detail, value, Integer.MAX_VALUE)) {
            if (!target.isRunning()) {
                target.sweepIfEnded(this.handOver);
            }
            return;
        }
        this.dropLeftover.handle(signal, delivery, subject, detail, value);
    }

    /**
     * Asks the breaker for a permission, except while it is forced open, or open and asked less than
     * {@link #OPEN_RECHECK_NANOS} ago by the lane's clock: Resilience4j builds a time-stamped event for every refused
     * call, which would make a refusal cost more than a delivery. An OPEN breaker is still asked once the lane's clock
     * has moved 1 ms past the last refusal, so its move to HALF_OPEN after the wait duration is late by at most 1 ms
     * plus one period of the coarse clock (a tenth of the slow-call threshold, at most 100 ms).
     */
    private boolean permitted(CircuitBreaker breaker) {
        CircuitBreaker.State state = breaker.getState();
        if (state == CircuitBreaker.State.CLOSED) {
            // a closed breaker permits every call and counts no permission (Resilience4j's ClosedState): asking it
            // again would only read its state a second time
            return true;
        }
        if (state == CircuitBreaker.State.FORCED_OPEN
                || (state == CircuitBreaker.State.OPEN && now() - this.openRecheckAt < 0)) {
            return false;
        }
        if (breaker.tryAcquirePermission()) {
            return true;
        }
        this.openRecheckAt = now() + OPEN_RECHECK_NANOS;
        return false;
    }

    /**
     * Marks the calling thread, an ASYNC lane's worker, as working for that lane for its whole life, so whatever the
     * adapter records from there is refused by that lane (see {@link #INSIDE_A_LANE}).
     * @param lane the lane the worker works for
     */
    static void markWorkerThread(Object lane) {
        INSIDE_A_LANE.get().causes = new CausingLanes(lane, null);
    }

    /** Which lanes' work a thread does: one per thread, read and written only by that thread. */
    private static final class Whereabouts {

        /** The lanes whose work the thread does now, or {@code null} outside every lane. */
        @Nullable CausingLanes causes;
    }

    private void deliver(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        SignalAccount account = this.account.of(signal);
        LaneTuning tuning = this.tuning;
        CircuitBreaker.State state = tuning.breaker().getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            account.queuedRejectedCircuitOpen();
            return;
        }
        if (delivery instanceof CausedDelivery caused) {
            deliverCaused(tuning, account, caused, subject, detail, value);
            return;
        }
        run(tuning, account, true, delivery, subject, detail, value);
    }

    /** Calls the adapter, on the worker, inside the chain of lanes that caused the event. */
    private void deliverCaused(LaneTuning tuning, SignalAccount account, CausedDelivery caused, Object subject,
            @Nullable Object detail, double value) {
        Whereabouts here = INSIDE_A_LANE.get();
        CausingLanes worker = here.causes;
        here.causes = caused.causes();
        try {
            run(tuning, account, true, caused.delivery(), subject, detail, value);
        }
        finally {
            here.causes = worker;
        }
    }

    /**
     * Calls the adapter and counts the outcome: an INLINE call on the caller's thread, a queued one on the worker,
     * the one writer of the worker's counts.
     */
    private void run(LaneTuning tuning, SignalAccount account, boolean byWorker, Object delivery, Object subject,
            @Nullable Object detail, double value) {
        long start = now();
        try {
            call(delivery, subject, detail, value);
            long elapsed = Math.max(0, now() - start);
            // counted before the breaker hears of it: a held success is this count (see BreakerOutcomes)
            if (byWorker) {
                account.deliveredByWorker();
            }
            else {
                account.delivered();
            }
            if (elapsed > tuning.slowCallNanos()) {
                tuning.outcomes().slow(elapsed);
            }
            else {
                tuning.outcomes().success(elapsed);
            }
        }
        catch (Throwable ex) {
            tuning.outcomes().failure(Math.max(0, now() - start), ex);
            if (byWorker) {
                account.failedByWorker();
            }
            else {
                account.failed();
            }
            this.health.error(SafeText.describe(ex));
            this.failureLog.failed(ex);
        }
    }

    /**
     * Calls the adapter: a {@link ValueDelivery} with its object and value, a {@link DetailDelivery} with its two
     * objects.
     */
    @SuppressWarnings("unchecked")
    private void call(Object delivery, Object subject, @Nullable Object detail, double value) throws Exception {
        // the kind of nearly every event is asked first: a type check that succeeds is cached by the JVM, one that
        // fails against an interface is not
        if (delivery instanceof ValueDelivery<?, ?> withValue) {
            ((ValueDelivery<Object, Object>) withValue).deliverTo(this.adapter, subject, value);
        }
        else {
            ((DetailDelivery<Object, Object, Object>) delivery).deliverTo(this.adapter, subject, detail);
        }
    }

    /**
     * Asks the adapter for its own health and keeps the answer for {@link #snapshot()}. Called by the health cycle,
     * never by the application's thread.
     * @return the adapter's health, {@code DOWN} when the call threw
     */
    public AdapterHealth refreshAdapterHealth() {
        return this.health.refresh(this.adapter);
    }

    /**
     * Records the adapter's health as found by someone else (for example a health call that timed out).
     * @param health the health
     */
    public void recordAdapterHealth(AdapterHealth health) {
        this.health.record(health);
    }

    /**
     * Refuses new events from now on (counted as {@link Outcome#REJECTED_DISABLED}) and tells an ASYNC lane's
     * worker to deliver what is queued and end. Returns at once; the manager calls it on every lane before waiting
     * for any, so all lanes drain at the same time.
     */
    public synchronized void stopAccepting() {
        this.accepting = false;
        this.queues.requestStop();
    }

    /**
     * Stops taking events, lets an ASYNC lane deliver what is queued until the deadline, counts what is left as
     * dropped, and closes the adapter. An adapter whose {@code close()} has not returned by the deadline (or
     * within 100 ms when the deadline has passed) is left to finish on its own thread.
     * @param deadlineNanos a {@link System#nanoTime()} deadline for the drain
     */
    public void stop(long deadlineNanos) {
        stopAccepting();
        this.queues.awaitStop(deadlineNanos, this.dropLeftover);
        holdClock(0);
        Thread closer = new Thread(this::closeAdapter, "observability-close-" + name());
        closer.setDaemon(true);
        closer.start();
        long waitMillis = Math.max(CLOSE_GRACE_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        try {
            closer.join(waitMillis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            this.health.error("close() (or the health asked after it) did not return within " + waitMillis + " ms");
        }
    }

    /**
     * Closes the adapter; one that reports export figures with its health is then asked for its health once more, so
     * the shutdown summary shows the figures its backend reached by the end, not those of the last health cycle.
     */
    private void closeAdapter() {
        try {
            this.adapter.close();
        }
        catch (Throwable ex) {
            this.health.error("close() threw " + SafeText.describe(ex));
        }
        if (this.health.reportsExports()) {
            this.health.refresh(this.adapter);
        }
    }

    @Override
    public AdapterSnapshot snapshot() {
        Map<Signal, SignalCounts> counts = new EnumMap<>(Signal.class);
        for (Signal signal : this.signals) {
            counts.put(signal, counts(signal));
        }
        LaneTuning tuning = this.tuning;
        LaneHealth.LastError error = this.health.lastError();
        long callNanos = this.queues.currentCallNanos();
        Duration currentCall = (callNanos >= 0) ? Duration.ofNanos(callNanos) : null;
        boolean enabled = tuning.settings().enabled();
        return new AdapterSnapshot(name(), this.signals, this.configured.enabled(), enabled, tuning.dispatch(),
                tuning.breaker().getState().name(), this.queues.depth(),
                (tuning.queue() != null) ? tuning.settings().queueCapacity() : 0, counts,
                (error != null) ? error.message() : null, (error != null) ? error.time() : null, currentCall,
                this.health.derive(enabled, tuning.breaker().getState(), callNanos, tuning.slowCallNanos()),
                this.health.checkedAt());
    }

    /**
     * @param signal a signal
     * @return the account for that signal now (see {@link SignalAccount#counts()})
     */
    @Override
    public SignalCounts counts(Signal signal) {
        return this.account.counts(signal);
    }
}
