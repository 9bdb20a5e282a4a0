package dev.observability.core.internal.dispatch;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterRefusals;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Refusals;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.TracingAdapter;
import org.jspecify.annotations.Nullable;

/**
 * The manager's lanes: one per registered adapter, by name, and the lanes of each signal as an array that the record
 * paths read without a lock (replaced whole when an adapter is registered). It also holds what the record paths ask
 * before they reach a lane: whether a signal is switched on, the refusal counts and the redaction rule. It starts
 * the lanes, and stops them taking events; a lane registered after the start starts at once, one registered after
 * the stop refuses every event.
 */
public final class LaneRegistry {

    private static final System.Logger LOGGER = System.getLogger("dev.observability.core.ObservabilityManager");

    private final CircuitBreakerFactory breakerFactory;

    private final Duration failureLogInterval;

    private final Redaction redaction;

    private final Refusals refusals = new Refusals();

    /** A bit per signal ordinal the record paths route now. */
    private volatile int signalsOn;

    private final Map<String, AdapterLane> lanesByName = new LinkedHashMap<>();

    private final List<Consumer<? super LaneView>> registrationListeners = new CopyOnWriteArrayList<>();

    private volatile AdapterLane[] metricsLanes = new AdapterLane[0];

    private volatile AdapterLane[] tracingLanes = new AdapterLane[0];

    private volatile AdapterLane[] healthLanes = new AdapterLane[0];

    private volatile AdapterLane[] loggingLanes = new AdapterLane[0];

    private State state = State.NEW;

    /**
     * @param breakerFactory makes each lane's circuit breaker
     * @param failureLogInterval the shortest time between two reports of one adapter's failures
     * @param redaction the rule that masks sensitive values (the lanes apply it to adapters' health)
     * @param disabledSignals the signals switched off: the record paths hand them to no lane
     */
    public LaneRegistry(CircuitBreakerFactory breakerFactory, Duration failureLogInterval, Redaction redaction,
            Set<Signal> disabledSignals) {
        this.breakerFactory = breakerFactory;
        this.failureLogInterval = failureLogInterval;
        this.redaction = redaction;
        switchSignals(disabledSignals);
    }

    /**
     * @param signal a signal
     * @return whether the manager routes it
     */
    public boolean isOn(Signal signal) {
        return (this.signalsOn & (1 << signal.ordinal())) != 0;
    }

    /**
     * Switches the signals the record paths route, at once (a change of the manager's settings at runtime).
     * @param disabledSignals the signals switched off
     */
    public void switchSignals(Set<Signal> disabledSignals) {
        int on = 0;
        for (Signal signal : Signal.values()) {
            on |= disabledSignals.contains(signal) ? 0 : 1 << signal.ordinal();
        }
        this.signalsOn = on;
    }

    /**
     * Whether the manager routes a signal and one of its lanes has an adapter the filter accepts (switched on or off:
     * a switched-off adapter counts what it refuses), so that a bridge can skip readying an event no lane would take.
     * @param signal the signal
     * @param accepts which adapters the bridge hands that signal to
     * @return whether an event of that signal would reach a lane
     */
    public boolean routesToAny(Signal signal, Predicate<? super ObservabilityAdapter> accepts) {
        if (!isOn(signal)) {
            return false;
        }
        AdapterLane[] lanes = switch (signal) {
            case METRICS -> this.metricsLanes;
            case TRACING -> this.tracingLanes;
            case HEALTH -> this.healthLanes;
            case LOGGING -> this.loggingLanes;
        };
        for (AdapterLane lane : lanes) {
            if (accepts.test(lane.adapter())) {
                return true;
            }
        }
        return false;
    }

    /** @return the count of recordings refused before any adapter, by reason */
    public Refusals refusals() {
        return this.refusals;
    }

    /** @return the rule that masks sensitive values before any adapter sees them */
    public Redaction redaction() {
        return this.redaction;
    }

    /** @return the lanes of the metrics adapters now (the array is never changed; do not change it) */
    public AdapterLane[] metricsLanes() {
        return this.metricsLanes;
    }

    /** @return the lanes of the tracing adapters now */
    public AdapterLane[] tracingLanes() {
        return this.tracingLanes;
    }

    /** @return the lanes of the health adapters now */
    public AdapterLane[] healthLanes() {
        return this.healthLanes;
    }

    /** @return the lanes of the logging adapters now */
    public AdapterLane[] loggingLanes() {
        return this.loggingLanes;
    }

    /**
     * Gives an adapter its lane, then tells the registration listeners (outside the lock; a failing listener is
     * logged and does not undo the registration).
     * @param adapter the adapter
     * @param settings its lane's settings
     * @throws IllegalArgumentException if its name is taken or invalid, or it implements no signal interface
     */
    public void register(ObservabilityAdapter adapter, LaneSettings settings) {
        AdapterLane lane = addLane(adapter, settings);
        for (Consumer<? super LaneView> listener : this.registrationListeners) {
            try {
                listener.accept(lane);
            }
            catch (RuntimeException ex) {
                LOGGER.log(Level.WARNING, "A registration listener failed for adapter '" + lane.name()
                        + "'; the adapter is registered", ex);
            }
        }
    }

    private synchronized AdapterLane addLane(ObservabilityAdapter adapter, LaneSettings settings) {
        String name = adapter.name();
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("adapter name '" + name
                    + "' is invalid: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        AdapterLane taken = this.lanesByName.get(name);
        if (taken != null) {
            throw new IllegalArgumentException("two adapters are named '" + name + "' ("
                    + taken.adapter().getClass().getName() + " and " + adapter.getClass().getName()
                    + "); adapter names must be unique");
        }
        Set<Signal> signals = signalsOf(adapter);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("adapter '" + name + "' (" + adapter.getClass().getName()
                    + ") implements none of MetricsAdapter, TracingAdapter, HealthAdapter, LoggingAdapter");
        }
        AdapterLane lane = new AdapterLane(adapter, signals, settings, this.breakerFactory, this.failureLogInterval,
                this.redaction);
        if (adapter instanceof AdapterRefusals counting) {
            counting.countRefusalsIn(this.refusals);
        }
        this.lanesByName.put(name, lane);
        rebuildSignalLanes();
        if (this.state == State.STARTED) {
            lane.start();
        }
        else if (this.state == State.STOPPED) {
            lane.stopAccepting();
        }
        return lane;
    }

    /**
     * Calls the listener at once with every lane registered so far, then with each lane registered from now on.
     * @param listener receives a view of each adapter's lane, once
     */
    public void onRegistered(Consumer<? super LaneView> listener) {
        List<AdapterLane> existing;
        synchronized (this) {
            existing = all();
            this.registrationListeners.add(listener);
        }
        existing.forEach(listener);
    }

    /**
     * @param name an adapter's name
     * @return its lane, or {@code null} when no adapter has that name
     */
    public synchronized @Nullable AdapterLane lane(String name) {
        return this.lanesByName.get(name);
    }

    /** @return every lane, in registration order */
    public synchronized List<AdapterLane> all() {
        return new ArrayList<>(this.lanesByName.values());
    }

    /**
     * Starts every lane, the first time only.
     * @param then what to start with the lanes, under the same lock (the health schedule)
     */
    public synchronized void start(Runnable then) {
        if (this.state != State.NEW) {
            return;
        }
        this.lanesByName.values().forEach(AdapterLane::start);
        then.run();
        this.state = State.STARTED;
    }

    /** @return {@code true} between {@link #start(Runnable)} and {@link #stop()} */
    public synchronized boolean isStarted() {
        return this.state == State.STARTED;
    }

    /**
     * Marks the registry stopped, the first time only: lanes registered from now on refuse every event.
     * @return the lanes to stop, or {@code null} when it was stopped already
     */
    public synchronized @Nullable List<AdapterLane> stop() {
        if (this.state == State.STOPPED) {
            return null;
        }
        this.state = State.STOPPED;
        return all();
    }

    private static Set<Signal> signalsOf(ObservabilityAdapter adapter) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        if (adapter instanceof MetricsAdapter) {
            signals.add(Signal.METRICS);
        }
        if (adapter instanceof TracingAdapter) {
            signals.add(Signal.TRACING);
        }
        if (adapter instanceof HealthAdapter) {
            signals.add(Signal.HEALTH);
        }
        if (adapter instanceof LoggingAdapter) {
            signals.add(Signal.LOGGING);
        }
        return signals;
    }

    private void rebuildSignalLanes() {
        this.metricsLanes = lanesFor(Signal.METRICS);
        this.tracingLanes = lanesFor(Signal.TRACING);
        this.healthLanes = lanesFor(Signal.HEALTH);
        this.loggingLanes = lanesFor(Signal.LOGGING);
    }

    private AdapterLane[] lanesFor(Signal signal) {
        return this.lanesByName.values().stream().filter((lane) -> lane.signals().contains(signal))
            .toArray(AdapterLane[]::new);
    }

    private enum State {
        NEW, STARTED, STOPPED
    }
}
