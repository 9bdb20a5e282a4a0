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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.FailureLog;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.settings.SettingChange;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.settings.SettingsInForce;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Outcome;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * The isolation around one adapter: an enabled switch, a circuit breaker, the account of each event's outcome
 * ({@link LaneAccount}) and what the lane knows of the adapter's health ({@link LaneHealth}). {@link #submit} never
 * throws and never blocks: it refuses what the switch, the lane's own feedback ({@link Whereabouts}) or the breaker
 * ({@link BreakerGate}) refuses, and hands the rest to its {@link Dispatcher}, INLINE or ASYNC, which hands each event
 * back through the lane's {@link DispatchTarget} to be delivered: the lane calls the adapter, times the call with its
 * clock ({@link CoarseClock}), counts the outcome and records it in the breaker. The lane
 * knows nothing of queues; the ASYNC dispatcher alone knows its capacity and its ring.
 * <p>
 * The settings in force are one {@link LaneTuning}, swapped whole by {@link #change}, under the same lock as the start
 * and the stop.
 */
public final class AdapterLane implements LaneView {

    /**
     * Delivers a {@link Delivery}: a plain delivery as a value delivery, so both kinds of submission share one path.
     */
    private static final ValueDelivery<Object, Delivery<Object>> RUN_DELIVERY =
            (adapter, delivery, unused) -> delivery.deliverTo(adapter);

    private static final long CLOSE_GRACE_MILLIS = 100;

    private final ObservabilityAdapter adapter;

    private final Set<Signal> signals;

    private final CircuitBreakerFactory breakerFactory;

    /** The settings as configured (what a setting changed at runtime returns to), and the overrides. */
    private volatile SettingsInForce<LaneSettings> inForce;

    /** The settings in force and what they make; replaced whole by a change. */
    private volatile LaneTuning tuning;

    private final LaneAccount account;

    private final LaneHealth health;

    private final FailureLog failureLog;

    /** The chain of this lane's own work on what the application recorded: the thread's mark while it calls. */
    private final CausingLanes ownWork;

    /** The lane's time: the coarse clock's from its start to its stop, {@link System#nanoTime()} otherwise. */
    private final CoarseClock.Hold clock = new CoarseClock.Hold(CoarseClock.SHARED);

    private final BreakerGate gate = new BreakerGate(this.clock);

    private final InlineDispatcher inline;

    /** The lane's ASYNC dispatcher, whether it queues there now or not: its workers may still deliver. */
    private final AsyncDispatcher async;

    /**
     * Held while the lane starts, changes its settings or stops accepting: a lock rather than a monitor, since a
     * change comes from a request thread (the endpoint's) and builds a queue and a breaker meanwhile.
     */
    private final ReentrantLock changing = new ReentrantLock();

    /** Read and written while {@link #changing} is held. */
    private boolean started;

    private final LongAdder settingsChanges = new LongAdder();

    private volatile boolean accepting = true;

    /**
     * Made by the {@link LaneRegistry} for each adapter registered.
     * @param adapter the adapter
     * @param signals the signals it receives
     * @param settings the lane's settings
     * @param breakerFactory makes the circuit breaker
     * @param failureLogInterval the shortest time between two failure reports in the application's log
     * @param redaction masks sensitive keys in the adapter's health details before they are kept
     */
    AdapterLane(ObservabilityAdapter adapter, Set<Signal> signals, LaneSettings settings,
            CircuitBreakerFactory breakerFactory, Duration failureLogInterval, Redaction redaction) {
        this.adapter = adapter;
        this.signals = Collections.unmodifiableSet(EnumSet.copyOf(signals));
        this.breakerFactory = breakerFactory;
        this.inForce = SettingsInForce.of(settings);
        this.account = new LaneAccount();
        this.health = new LaneHealth(redaction);
        this.failureLog = new FailureLog(adapter.name(), failureLogInterval, System::nanoTime);
        this.ownWork = new CausingLanes(this, null);
        Target target = new Target();
        this.inline = new InlineDispatcher(target);
        this.async = new AsyncDispatcher(target, adapter.name(), this.clock);
        CircuitBreaker breaker = breakerFactory.create(adapter.name(),
                CircuitBreakerFactory.config(settings.circuitBreaker()));
        this.tuning = LaneTuning.of(settings, dispatcherFor(settings), breaker);
    }

    /**
     * @return the dispatcher of the settings' mode (or the adapter's preference); the ASYNC one follows the settings
     * first, which may make a worker and its queue
     */
    private Dispatcher dispatcherFor(LaneSettings settings) {
        DispatchMode mode = settings.dispatch();
        if (mode == null) {
            mode = this.adapter.preferredDispatch();
        }
        return (mode == DispatchMode.ASYNC) ? this.async.configure(settings) : this.inline;
    }

    /**
     * Starts timing calls with the shared {@link CoarseClock} (unless the slow-call threshold is under 10 ms) and
     * starts the ASYNC dispatcher's workers. Before its start, and after its stop, a lane times each call with
     * {@link System#nanoTime()}.
     */
    public void start() {
        this.changing.lock();
        try {
            this.started = true;
            this.clock.holdAt(this.tuning.clockPeriodNanos());
            this.async.start();
        }
        finally {
            this.changing.unlock();
        }
    }

    @Override
    public String name() {
        return this.adapter.name();
    }

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

    /** @return the dispatcher the lane hands its events to now (package-private, for tests) */
    Dispatcher dispatcher() {
        return this.tuning.dispatcher();
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
        return this.inForce.configured();
    }

    @Override
    public long settingsChanges() {
        return this.settingsChanges.sum();
    }

    /**
     * Changes some of the lane's settings at once, all or nothing: each step of an event sees the old settings or the
     * new ones, never a mix (see {@link LaneTuning}). A breaker whose settings change is replaced, in the same state
     * where Resilience4j allows it ({@link LaneTuning#replaceBreaker}); the ASYNC dispatcher follows a new mode,
     * capacity or {@code max-delay} ({@link AsyncDispatcher#configure}). A signal switched off, or the adapter,
     * refuses its events as {@link Outcome#REJECTED_DISABLED}.
     * @param change the change; a reset returns a setting to its configured value
     * @return each setting whose value changed, from and to (none when the change changes nothing)
     * @throws IllegalArgumentException naming the setting, when a setting refuses its new value, or when applying a
     * value overflows: nothing changed
     * @throws IllegalStateException when the lane has stopped, or when the heap has no room for what the new settings
     * need (a larger queue): nothing changed
     */
    public List<SettingChange> change(SettingsChange<LaneSettings> change) {
        return take((inForce) -> inForce.change(change)).changes();
    }

    /**
     * Changes some of the lane's configured settings (a change of the application's configuration), all or nothing
     * and at once as {@link #change} does: each setting not set at runtime takes its new configured value in force
     * too, and one set at runtime keeps its value until it is reset.
     * @param change the configured values that change
     * @return the step: each configured value that changed, and those whose value set at runtime stays in force
     * @throws IllegalArgumentException as {@link #change} does: nothing changed
     * @throws IllegalStateException as {@link #change} does: nothing changed
     */
    public SettingsInForce.Step<LaneSettings> reconfigure(SettingsChange<LaneSettings> change) {
        return take((inForce) -> inForce.reconfigure(change));
    }

    /** Takes the step made from the settings in force now, under the lane's lock, and applies it whole. */
    private SettingsInForce.Step<LaneSettings> take(
            Function<SettingsInForce<LaneSettings>, SettingsInForce.Step<LaneSettings>> stepFrom) {
        this.changing.lock();
        try {
            if (!this.accepting) {
                throw new IllegalStateException("the lane of adapter '" + name() + "' has stopped");
            }
            SettingsInForce.Step<LaneSettings> step = stepFrom.apply(this.inForce);
            LaneSettings next = step.next().current();
            if (!next.equals(this.tuning.settings())) {
                applyWhole(next);
            }
            this.inForce = step.next();
            this.settingsChanges.add(step.changes().size());
            return step;
        }
        finally {
            this.changing.unlock();
        }
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
            this.tuning = LaneTuning.of(old.settings(), old.dispatcher(), restored);
        }
    }

    /**
     * Puts new settings in force with their breaker; the dispatcher, which follows them first because a new worker's
     * queue is the largest allocation, is the last step that can fail. A lane that queues no more retires its
     * workers once the new settings are in force.
     */
    private void apply(LaneSettings next, CircuitBreaker breaker) {
        Dispatcher dispatcher = dispatcherFor(next);
        LaneTuning fresh = LaneTuning.of(next, dispatcher, breaker);
        if (this.started) {
            this.clock.holdAt(fresh.clockPeriodNanos());
        }
        this.tuning = fresh;
        if (dispatcher == this.inline) {
            this.async.retireAll();
        }
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
        CausingLanes causes = Whereabouts.ofThisThread();
        if (causes != null) {
            submitCaused(causes, tuning, signal, account, delivery, subject, detail, value);
            return;
        }
        Whereabouts.mark(this.ownWork);
        try {
            dispatch(tuning, signal, account, null, delivery, subject, detail, value);
        }
        finally {
            Whereabouts.mark(null);
        }
    }

    /**
     * An event recorded on a thread that works for lanes: refused and counted as {@link Outcome#REJECTED_REENTRANT}
     * when this lane's work is among its causes, else dispatched with this lane added to the chain (see
     * {@link Whereabouts}).
     */
    private void submitCaused(CausingLanes causes, LaneTuning tuning, Signal signal,
            SignalAccount account, Object delivery, Object subject, @Nullable Object detail, double value) {
        if (causes.include(this)) {
            account.rejectedReentrant();
            return;
        }
        CausingLanes chain = new CausingLanes(this, causes);
        Whereabouts.mark(chain);
        try {
            dispatch(tuning, signal, account, chain, delivery, subject, detail, value);
        }
        finally {
            Whereabouts.mark(causes);
        }
    }

    /**
     * Asks the breaker, then hands the event to the dispatcher.
     * @param chain this lane and the lanes whose work caused the event, or {@code null} when the application did
     */
    private void dispatch(LaneTuning tuning, Signal signal, SignalAccount account, @Nullable CausingLanes chain,
            Object delivery, Object subject, @Nullable Object detail, double value) {
        if (!this.gate.permits(tuning.breaker())) {
            account.rejectedCircuitOpen();
            return;
        }
        tuning.dispatcher().dispatch(account, signal, delivery, subject, detail, value, chain);
    }

    /**
     * Calls the adapter and counts the outcome: an INLINE call on the caller's thread, a queued one on the worker,
     * the one writer of the worker's counts.
     */
    private void run(LaneTuning tuning, SignalAccount account, boolean byWorker, Object delivery, Object subject,
            @Nullable Object detail, double value) {
        long start = this.clock.getAsLong();
        try {
            call(delivery, subject, detail, value);
            long elapsed = Math.max(0, this.clock.getAsLong() - start);
            if (byWorker) {
                account.deliveredByWorker();
            }
            else {
                account.delivered();
            }
            if (elapsed > tuning.slowCallNanos()) {
                tuning.breaker().onError(elapsed, TimeUnit.NANOSECONDS, SlowCallException.INSTANCE);
            }
            else {
                tuning.breaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
        }
        catch (Throwable ex) {
            tuning.breaker().onError(Math.max(0, this.clock.getAsLong() - start), TimeUnit.NANOSECONDS, ex);
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
     * Refuses new events from now on (counted as {@link Outcome#REJECTED_DISABLED}) and tells the ASYNC dispatcher's
     * workers to deliver what is queued and end. Returns at once; the manager calls it on every lane before waiting
     * for any, so all lanes drain at the same time.
     */
    public void stopAccepting() {
        this.changing.lock();
        try {
            this.accepting = false;
            this.async.requestStop();
        }
        finally {
            this.changing.unlock();
        }
    }

    /**
     * Stops taking events, lets the ASYNC dispatcher deliver what is queued until the deadline, counts what is left
     * as dropped, and closes the adapter. An adapter whose {@code close()} has not returned by the deadline (or
     * within 100 ms when the deadline has passed) is left to finish on its own thread.
     * @param deadlineNanos a {@link System#nanoTime()} deadline for the drain
     */
    public void stop(long deadlineNanos) {
        stopAccepting();
        this.async.awaitStop(deadlineNanos);
        this.clock.holdAt(0);
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
        long callNanos = this.async.currentCallNanos();
        Duration currentCall = (callNanos >= 0) ? Duration.ofNanos(callNanos) : null;
        boolean enabled = tuning.settings().enabled();
        return new AdapterSnapshot(name(), this.signals, this.inForce.configured().enabled(), enabled,
                tuning.dispatcher().mode(), tuning.breaker().getState().name(), this.async.depth(),
                tuning.dispatcher().capacity(), counts, (error != null) ? error.message() : null,
                (error != null) ? error.time() : null, currentCall,
                this.health.derive(enabled, tuning.breaker().getState(), callNanos, tuning.slowCallNanos()),
                this.health.checkedAt());
    }

    @Override
    public int queueDepth() {
        return this.async.depth();
    }

    @Override
    public int queueCapacity() {
        return this.tuning.dispatcher().capacity();
    }

    @Override
    public HealthStatus healthStatus() {
        LaneTuning tuning = this.tuning;
        return this.health.status(tuning.settings().enabled(), tuning.breaker().getState(),
                this.async.currentCallNanos(), tuning.slowCallNanos());
    }

    @Override
    public @Nullable ExportCounts exports() {
        return this.health.exports();
    }

    /**
     * @param signal a signal
     * @return the account for that signal now (see {@link SignalAccount#counts()})
     */
    @Override
    public SignalCounts counts(Signal signal) {
        return this.account.counts(signal);
    }

    /** What the lane's dispatchers hand back: the lane's side of {@link DispatchTarget}. */
    private final class Target implements DispatchTarget {

        /** Calls the adapter under the tuning in force, on the caller's thread. */
        @Override
        public void deliverNow(SignalAccount account, Object delivery, Object subject, @Nullable Object detail,
                double value) {
            run(AdapterLane.this.tuning, account, false, delivery, subject, detail, value);
        }

        /**
         * Calls the adapter, unless the breaker is open now: then the event is counted as refused, so a queue that
         * filled before the breaker opened does not keep calling a backend that is down.
         */
        @Override
        public void deliverQueued(Signal signal, Object delivery, Object subject, @Nullable Object detail,
                double value, @Nullable CausingLanes causes) {
            SignalAccount account = AdapterLane.this.account.of(signal);
            LaneTuning tuning = AdapterLane.this.tuning;
            CircuitBreaker.State state = tuning.breaker().getState();
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                account.queuedRejectedCircuitOpen();
                return;
            }
            if (causes == null) {
                run(tuning, account, true, delivery, subject, detail, value);
                return;
            }
            CausingLanes worker = Whereabouts.ofThisThread();
            Whereabouts.mark(causes);
            try {
                run(tuning, account, true, delivery, subject, detail, value);
            }
            finally {
                Whereabouts.mark(worker);
            }
        }

        /** Counts the event as dropped, and gives back the breaker's permission it was queued with. */
        @Override
        public void dropped(Signal signal) {
            AdapterLane.this.tuning.breaker().releasePermission();
            AdapterLane.this.account.of(signal).queuedDropped();
        }

        /** Marks the worker's thread as inside the lane, so whatever its adapter records there the lane refuses. */
        @Override
        public void workerStarted() {
            Whereabouts.mark(AdapterLane.this.ownWork);
        }
    }
}
