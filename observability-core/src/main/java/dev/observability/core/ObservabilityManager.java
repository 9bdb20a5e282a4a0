package dev.observability.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.health.HealthMonitor;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterRefusals;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Refusals;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContextSource;
import org.jspecify.annotations.Nullable;

/**
 * The one facade the application records telemetry through. It checks each recording against the documented rules
 * (refusing and counting what breaks them), then hands it to every adapter of that signal through the adapter's
 * isolated {@link AdapterLane}. No recording method throws or blocks, whatever the adapters do.
 * <p>
 * Build one with {@link #builder()}, {@link #start()} it, and {@link #close()} it when the application stops.
 */
public final class ObservabilityManager implements AutoCloseable {

    private static final Predicate<ObservabilityAdapter> ALL_ADAPTERS = (adapter) -> true;

    private static final System.Logger LOGGER = System.getLogger(ObservabilityManager.class.getName());

    private final Clock clock;

    private final LaneSettings defaultLaneSettings;

    private final CircuitBreakerFactory breakerFactory;

    private final Duration failureLogInterval;

    private final Duration shutdownTimeout;

    private final Consumer<String> shutdownSummaryLog;

    private final @Nullable Consumer<LogEvent> logOutput;

    private final SpanContextSource spanContextSource;

    private final boolean[] signalEnabled = new boolean[Signal.values().length];

    private final Refusals refusals = new Refusals();

    private final LogLimits logLimits;

    private final Redaction redaction;

    private final ThreadLocal<@Nullable SpanFrame> currentSpans = new ThreadLocal<>();

    private final Tracker spanTracker = new Tracker();

    private final HealthMonitor healthMonitor;

    private final Map<String, AdapterLane> lanesByName = new LinkedHashMap<>();

    private final List<Consumer<? super LaneView>> registrationListeners = new CopyOnWriteArrayList<>();

    private volatile AdapterLane[] metricsLanes = new AdapterLane[0];

    private final SeriesCache series = new SeriesCache(this, this::metricsLanes);

    private volatile AdapterLane[] tracingLanes = new AdapterLane[0];

    private volatile AdapterLane[] healthLanes = new AdapterLane[0];

    private volatile AdapterLane[] loggingLanes = new AdapterLane[0];

    private volatile LogLevel minimumLevel;

    private volatile State state = State.NEW;

    private ObservabilityManager(Builder builder) {
        this.clock = builder.clock;
        this.defaultLaneSettings = builder.defaultLaneSettings;
        this.breakerFactory = builder.breakerFactory;
        this.failureLogInterval = builder.failureLogInterval;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.shutdownSummaryLog = builder.shutdownSummaryLog;
        this.logOutput = builder.logOutput;
        this.spanContextSource = builder.spanContextSource;
        this.minimumLevel = builder.minimumLevel;
        this.logLimits = builder.logLimits;
        this.redaction = builder.redaction;
        for (Signal signal : Signal.values()) {
            this.signalEnabled[signal.ordinal()] = !builder.disabledSignals.contains(signal);
        }
        this.healthMonitor = new HealthMonitor(builder.healthSettings, this.clock, this::lanes, this::publishHealth,
                this.redaction);
        builder.adapters.forEach(this::register);
        builder.healthChecks.forEach(this.healthMonitor::register);
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers an adapter with the default lane settings.
     * @param adapter the adapter
     * @throws IllegalArgumentException if its name is taken or invalid, or it implements no signal interface
     */
    public void register(ObservabilityAdapter adapter) {
        register(adapter, this.defaultLaneSettings);
    }

    /**
     * Registers an adapter with its own lane settings. An adapter registered after {@link #start()} starts at once;
     * one registered after {@link #close()} refuses every event.
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
        if (this.lanesByName.containsKey(name)) {
            throw new IllegalArgumentException("two adapters are named '" + name + "' ("
                    + this.lanesByName.get(name).adapter().getClass().getName() + " and "
                    + adapter.getClass().getName() + "); adapter names must be unique");
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
     * Follows the adapters: calls the listener at once with the lane of every adapter registered so far, then with
     * the lane of each adapter {@linkplain #register(ObservabilityAdapter, LaneSettings) registered} from now on, so
     * an integration (such as the self-metrics) also covers adapters registered at runtime. Each lane is passed once.
     * Later calls happen on the registering thread after the adapter is registered, outside the manager's lock; an
     * exception from the listener there is logged and does not undo the registration.
     * @param listener receives a view of each adapter's lane
     */
    public void onAdapterRegistered(Consumer<? super LaneView> listener) {
        List<AdapterLane> existing;
        synchronized (this) {
            existing = lanes();
            this.registrationListeners.add(listener);
        }
        existing.forEach(listener);
    }

    /**
     * @param check a check to run on the health schedule
     * @throws IllegalArgumentException if a check with that name is registered already
     */
    public void registerHealthCheck(HealthCheck check) {
        this.healthMonitor.register(check);
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

    private synchronized List<AdapterLane> lanes() {
        return new ArrayList<>(this.lanesByName.values());
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the lanes' workers and the health schedule. Calling it again does nothing. */
    public synchronized void start() {
        if (this.state != State.NEW) {
            return;
        }
        this.lanesByName.values().forEach(AdapterLane::start);
        this.healthMonitor.start();
        this.state = State.STARTED;
    }

    /** @return {@code true} between {@link #start()} and {@link #close()} */
    public boolean isRunning() {
        return this.state == State.STARTED;
    }

    /**
     * Stops: refuses new events on every lane, lets all queues drain at the same time for at most the shutdown
     * timeout, counts what is left as dropped, closes the adapters, and logs one summary line with what each adapter
     * was delivered and lost. Nothing queued is lost when the adapters keep up within the timeout; a hung adapter
     * costs only its own queue. Calling it again does nothing.
     */
    @Override
    public void close() {
        List<AdapterLane> lanes;
        synchronized (this) {
            if (this.state == State.STOPPED) {
                return;
            }
            this.state = State.STOPPED;
            lanes = lanes();
        }
        this.healthMonitor.stop();
        long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
        lanes.forEach(AdapterLane::stopAccepting);
        for (AdapterLane lane : lanes) {
            lane.stop(deadline);
        }
        this.shutdownSummaryLog.accept(ShutdownSummary.of(lanes));
    }

    // ---------------------------------------------------------------- metrics

    /**
     * Adds one to a counter.
     * @param name the counter's name
     * @param labels its labels
     */
    public void counter(String name, Labels labels) {
        counter(name, 1, labels);
    }

    /**
     * Adds one to a counter that has a description or base unit (see {@link Metric}).
     * @param metric the counter
     * @param labels its labels
     */
    public void counter(Metric metric, Labels labels) {
        counter(metric, 1, labels);
    }

    /**
     * Adds to a counter. A negative, NaN or infinite amount is refused ({@link InputRefusal#INVALID_VALUE}).
     * @param name the counter's name
     * @param amount the amount
     * @param labels its labels
     */
    public void counter(String name, double amount, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(name, labels).increment(amount);
        }
    }

    /**
     * Adds to a counter that has a description or base unit (see {@link #counter(String, double, Labels)}).
     * @param metric the counter
     * @param amount the amount
     * @param labels its labels
     */
    public void counter(Metric metric, double amount, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).increment(amount);
        }
    }

    /**
     * Sets a gauge. A NaN or infinite value is refused.
     * @param name the gauge's name
     * @param value the value
     * @param labels its labels
     */
    public void gauge(String name, double value, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(name, labels).set(value);
        }
    }

    /**
     * Sets a gauge that has a description or base unit (see {@link #gauge(String, double, Labels)}).
     * @param metric the gauge
     * @param value the value
     * @param labels its labels
     */
    public void gauge(Metric metric, double value, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).set(value);
        }
    }

    /**
     * Records a value into a histogram. A negative, NaN or infinite value is refused.
     * @param name the histogram's name
     * @param value the value
     * @param labels its labels
     */
    public void histogram(String name, double value, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(name, labels).record(value);
        }
    }

    /**
     * Records a value into a histogram that has a description or base unit (see
     * {@link #histogram(String, double, Labels)}).
     * @param metric the histogram
     * @param value the value
     * @param labels its labels
     */
    public void histogram(Metric metric, double value, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).record(value);
        }
    }

    /**
     * Records a duration. A {@code null} or negative duration is refused.
     * @param name the timing's name
     * @param duration the duration
     * @param labels its labels
     */
    public void timing(String name, Duration duration, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(name, labels).record(duration);
        }
    }

    /**
     * Records a duration into a timing that has a description (see {@link #timing(String, Duration, Labels)}).
     * @param metric the timing; its base unit is ignored (the backend's time unit applies)
     * @param duration the duration
     * @param labels its labels
     */
    public void timing(Metric metric, Duration duration, Labels labels) {
        if (isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).record(duration);
        }
    }

    /**
     * Resolves a counter once, for a hot path: the handle records without validating the name and labels again and
     * without allocating for INLINE adapters.
     * @param name the counter's name
     * @param labels its labels
     * @return the handle; if the name or labels are invalid, a handle that refuses and counts every recording
     */
    public CounterHandle counterHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this, this::metricsLanes, name, labels);
    }

    /**
     * Resolves a counter that has a description or base unit once, for a hot path (see
     * {@link #counterHandle(String, Labels)}).
     * @param metric the counter
     * @param labels its labels
     * @return the handle; if the name or labels are invalid, a handle that refuses and counts every recording
     */
    public CounterHandle counterHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this, this::metricsLanes, metric, labels);
    }

    /**
     * @param name the gauge's name
     * @param labels its labels
     * @return a pre-bound gauge handle (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this, this::metricsLanes, name, labels);
    }

    /**
     * @param metric the gauge, with its description or base unit
     * @param labels its labels
     * @return a pre-bound gauge handle (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this, this::metricsLanes, metric, labels);
    }

    /**
     * @param name the histogram's name
     * @param labels its labels
     * @return a pre-bound histogram handle (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this, this::metricsLanes, name, labels);
    }

    /**
     * @param metric the histogram, with its description or base unit
     * @param labels its labels
     * @return a pre-bound histogram handle (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this, this::metricsLanes, metric, labels);
    }

    /**
     * @param name the timing's name
     * @param labels its labels
     * @return a pre-bound timing handle (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this, this::metricsLanes, name, labels);
    }

    /**
     * @param metric the timing, with its description (its base unit is ignored: the backend's time unit applies)
     * @param labels its labels
     * @return a pre-bound timing handle (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this, this::metricsLanes, metric, labels);
    }

    /**
     * A feed into the metrics adapters a filter accepts, for a bridge from a source that some adapters already read
     * natively (see {@link MetricsFeed}).
     * @param accepts which metrics adapters the feed reaches
     * @return the feed
     */
    public MetricsFeed metricsFeed(Predicate<? super MetricsAdapter> accepts) {
        return new MetricsFeed(this, accepts);
    }

    /** @return the cache of the look-up-per-call metric methods (package-private, for tests) */
    SeriesCache seriesCache() {
        return this.series;
    }

    AdapterLane[] metricsLanes() {
        return this.metricsLanes;
    }

    boolean isOn(Signal signal) {
        return this.signalEnabled[signal.ordinal()];
    }

    // ---------------------------------------------------------------- tracing

    /**
     * Starts a span, current on this thread until closed. Its parent is the manager span current on this thread, or
     * else the span current in the application's tracing context (see {@link SpanContextSource}).
     * @param name the span's name: not blank, at most 200 characters, no control characters
     * @return the span; a span that does nothing when the name is refused or tracing is off
     */
    public Span startSpan(String name) {
        return startSpan(name, Fields.empty());
    }

    /**
     * Starts a span with attributes (see {@link #startSpan(String)}).
     * @param name the span's name
     * @param attributes its attributes
     * @return the span
     */
    public Span startSpan(String name, Fields attributes) {
        if (!isOn(Signal.TRACING)) {
            return RefusedSpan.INSTANCE;
        }
        if (SpanNames.problem(name) != null) {
            this.refusals.refuse(InputRefusal.INVALID_NAME);
            return RefusedSpan.INSTANCE;
        }
        Fields safeAttributes = (attributes != null) ? this.redaction.redact(attributes) : Fields.empty();
        long startEpochNanos = ManagedSpan.epochNanos(this.clock);
        SpanContext parent = currentSpanContext();
        Object attachment;
        SpanContext context;
        try {
            attachment = this.spanContextSource.startAttached(name, parent, startEpochNanos);
            context = (attachment != null) ? this.spanContextSource.contextOf(attachment) : null;
            if (context == null) {
                attachment = null;
                context = this.spanContextSource.start(name, parent);
            }
        }
        catch (RuntimeException ex) {
            LOGGER.log(Level.DEBUG, "span context source failed; the span is not recorded", ex);
            return RefusedSpan.INSTANCE;
        }
        return new ManagedSpan(this.spanTracker, name, context, parent, attachment, startEpochNanos, safeAttributes,
                this.spanTracker.sourceScope(context, attachment));
    }

    /**
     * @return the span current on this thread: the manager's, or else the application's tracing context's, or
     * {@code null}
     */
    public @Nullable SpanContext currentSpanContext() {
        ManagedSpan span = SpanFrame.current(this.currentSpans);
        if (span != null) {
            return span.context();
        }
        try {
            return this.spanContextSource.current();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * Hands a span that was made and ended outside the manager, such as a Micrometer {@code Observation} a bridge
     * saw, to the tracing lanes of the adapters the filter accepts: one event per lane, as for the manager's own
     * spans. A span whose name breaks the rules is refused and counted; sensitive attributes are masked on the way.
     * @param start the span's name, ids, parent, start time and initial attributes
     * @param replay applies the span's attributes, events, exception and status to an adapter's span, then ends it
     * @param accepts which adapters receive it (a bridge leaves out adapters that get the source natively)
     */
    public void recordSpan(SpanStart start, Consumer<AdapterSpan> replay, Predicate<ObservabilityAdapter> accepts) {
        if (start == null || replay == null || accepts == null || !isOn(Signal.TRACING)) {
            return;
        }
        if (SpanNames.problem(start.name()) != null) {
            this.refusals.refuse(InputRefusal.INVALID_NAME);
            return;
        }
        deliverSpan(this.redaction.redact(start), (span) -> replay.accept(this.redaction.redact(span)), accepts);
    }

    // ---------------------------------------------------------------- logging

    /**
     * Logs a message.
     * @param level the level; below the minimum level nothing happens
     * @param message the message
     */
    public void log(LogLevel level, String message) {
        log(level, "application", message, Fields.empty(), null);
    }

    /**
     * Logs a message with fields.
     * @param level the level
     * @param message the message
     * @param fields structured fields
     */
    public void log(LogLevel level, String message, Fields fields) {
        log(level, "application", message, fields, null);
    }

    /**
     * Logs an event. Messages and string field values longer than the limits are cut, with a marker, and counted.
     * @param level the level
     * @param logger the logger's name
     * @param message the message ({@code null} is written as {@code "null"})
     * @param fields structured fields
     * @param error an exception, or {@code null}
     */
    public void log(LogLevel level, String logger, @Nullable String message, @Nullable Fields fields,
            @Nullable Throwable error) {
        if (level == null || !isOn(Signal.LOGGING) || !level.isAtLeast(this.minimumLevel)) {
            return;
        }
        log(new LogEvent(this.clock.instant(), level, (logger != null) ? logger : "application",
                Thread.currentThread().getName(), String.valueOf(message), (fields != null) ? fields : Fields.empty(),
                error, currentSpanContext()));
    }

    /**
     * Logs a complete event. The minimum level, the limits and redaction apply. The event goes to the
     * {@linkplain Builder#logOutput log output} when the manager has one (in a Spring Boot application: Boot's
     * logging, whose bridge hands it to the logging lanes), otherwise straight to the logging lanes.
     * @param event the event
     */
    public void log(LogEvent event) {
        LogEvent safe = admit(event);
        if (safe == null) {
            return;
        }
        Consumer<LogEvent> output = this.logOutput;
        if (output != null) {
            output.accept(safe);
        }
        else {
            submitToLoggingLanes(safe, ALL_ADAPTERS);
        }
    }

    /**
     * Hands an event of the host's logging framework to the logging lanes, as a bridge does: never to the
     * {@linkplain Builder#logOutput log output}, so an event the output writes into that framework and the bridge
     * hands back reaches each adapter once. The minimum level, the limits and redaction apply.
     * @param event the event
     */
    public void dispatchLog(LogEvent event) {
        dispatchLog(event, ALL_ADAPTERS);
    }

    /**
     * Hands an event of the host's logging framework to the logging lanes of the adapters the filter accepts, as
     * {@link #dispatchLog(LogEvent)} does: a bridge leaves out adapters whose backend receives that framework's
     * events by itself, so each event reaches each backend once.
     * @param event the event
     * @param accepts which adapters receive it
     */
    public void dispatchLog(LogEvent event, Predicate<? super ObservabilityAdapter> accepts) {
        LogEvent safe = admit(event);
        if (safe != null && accepts != null) {
            submitToLoggingLanes(safe, accepts);
        }
    }

    private @Nullable LogEvent admit(@Nullable LogEvent event) {
        if (event == null || !isOn(Signal.LOGGING) || !event.level().isAtLeast(this.minimumLevel)) {
            return null;
        }
        return this.logLimits.apply(redact(event), this.refusals);
    }

    private void submitToLoggingLanes(LogEvent safe, Predicate<? super ObservabilityAdapter> accepts) {
        for (AdapterLane lane : this.loggingLanes) {
            if (accepts.test(lane.adapter())) {
                lane.submit(Signal.LOGGING, (LoggingAdapter adapter) -> adapter.log(safe));
            }
        }
    }

    private LogEvent redact(LogEvent event) {
        Fields fields = this.redaction.redact(event.fields());
        return (fields == event.fields()) ? event : new LogEvent(event.timestamp(), event.level(), event.logger(),
                event.thread(), event.message(), fields, event.error(), event.span());
    }

    /** @return the minimum level logged */
    public LogLevel minimumLevel() {
        return this.minimumLevel;
    }

    /** @param level the new minimum level */
    public void setMinimumLevel(LogLevel level) {
        this.minimumLevel = level;
    }

    // ---------------------------------------------------------------- health and state

    /** @return the last health cycle's report (served from memory, fast) */
    public HealthReport health() {
        return this.healthMonitor.lastReport();
    }

    /**
     * Runs a health cycle now, on the calling thread, and hands the report to the health adapters.
     * @return the report
     */
    public HealthReport runHealthChecks() {
        return this.healthMonitor.runCycle();
    }

    private void publishHealth(HealthReport report) {
        if (!isOn(Signal.HEALTH)) {
            return;
        }
        for (AdapterLane lane : this.healthLanes) {
            lane.submit(Signal.HEALTH, (HealthAdapter adapter) -> adapter.report(report));
        }
    }

    /** @return every adapter's state and account, in registration order */
    public List<AdapterSnapshot> adapters() {
        return lanes().stream().map(AdapterLane::snapshot).toList();
    }

    /**
     * @param name an adapter's name
     * @return its state and account, if such an adapter is registered
     */
    public Optional<AdapterSnapshot> adapter(String name) {
        return lane(name).map(LaneView::snapshot);
    }

    /**
     * @param name an adapter's name
     * @return a live view of its lane, if such an adapter is registered
     */
    public Optional<LaneView> lane(String name) {
        return Optional.ofNullable(laneOf(name));
    }

    private synchronized @Nullable AdapterLane laneOf(String name) {
        return this.lanesByName.get(name);
    }

    /**
     * Switches an adapter on or off at runtime.
     * @param name the adapter's name
     * @param enabled the new state
     * @return {@code false} when no adapter has that name
     */
    public boolean setEnabled(String name, boolean enabled) {
        AdapterLane lane = laneOf(name);
        if (lane != null) {
            lane.setEnabled(enabled);
        }
        return lane != null;
    }

    /**
     * Switches an adapter back to its configured state (its {@link LaneSettings#enabled()}), undoing
     * {@link #setEnabled(String, boolean)}.
     * @param name the adapter's name
     * @return {@code false} when no adapter has that name
     */
    public boolean resetEnabled(String name) {
        AdapterLane lane = laneOf(name);
        if (lane != null) {
            lane.resetEnabled();
        }
        return lane != null;
    }

    /** @return the rule that masks sensitive values before any adapter sees them */
    public Redaction redaction() {
        return this.redaction;
    }

    /** @return the count of recordings refused before any adapter, by reason */
    public Refusals refusals() {
        return this.refusals;
    }

    // ---------------------------------------------------------------- internals

    private enum State {
        NEW, STARTED, STOPPED
    }

    private final class Tracker implements ManagedSpan.SpanTracker {

        @Override
        public ThreadLocal<@Nullable SpanFrame> stack() {
            return ObservabilityManager.this.currentSpans;
        }

        @Override
        public Clock clock() {
            return ObservabilityManager.this.clock;
        }

        @Override
        public Redaction redaction() {
            return ObservabilityManager.this.redaction;
        }

        @Override
        public Scope makeCurrent(ManagedSpan span) {
            return new ScopeFrame(stack(), span, sourceScope(span.context(), span.attachment()));
        }

        /**
         * @param context a manager span's ids
         * @param attachment the source's own span for it, or {@code null}
         * @return the span context source's scope that makes the span current in its context too; a source that
         * fails gives a scope that does nothing
         */
        Scope sourceScope(SpanContext context, @Nullable Object attachment) {
            try {
                return ObservabilityManager.this.spanContextSource.makeCurrent(context, attachment);
            }
            catch (RuntimeException ex) {
                LOGGER.log(Level.DEBUG, "span context source failed to make a span current", ex);
                return Scope.NOOP;
            }
        }

        @Override
        public void ended(ManagedSpan span) {
            for (AdapterLane lane : ObservabilityManager.this.tracingLanes) {
                lane.submit(Signal.TRACING, span);
            }
        }
    }

    private void deliverSpan(SpanStart start, Consumer<AdapterSpan> replay, Predicate<ObservabilityAdapter> accepts) {
        for (AdapterLane lane : this.tracingLanes) {
            if (accepts.test(lane.adapter())) {
                lane.submit(Signal.TRACING, (TracingAdapter adapter) -> replay.accept(adapter.startSpan(start)));
            }
        }
    }

    /**
     * Builds a manager. Every setting has a documented default.
     */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();

        private LaneSettings defaultLaneSettings = LaneSettings.DEFAULTS;

        private CircuitBreakerFactory breakerFactory = CircuitBreakerFactory.standalone();

        private Duration failureLogInterval = Duration.ofMinutes(1);

        private Duration shutdownTimeout = Duration.ofSeconds(5);

        private Consumer<String> shutdownSummaryLog = (summary) -> LOGGER.log(Level.INFO, summary);

        private @Nullable Consumer<LogEvent> logOutput;

        private SpanContextSource spanContextSource = SpanContextSource.RANDOM;

        private LogLevel minimumLevel = LogLevel.INFO;

        private LogLimits logLimits = LogLimits.DEFAULTS;

        private Redaction redaction = Redaction.defaults();

        private HealthSettings healthSettings = HealthSettings.DEFAULTS;

        private final Set<Signal> disabledSignals = EnumSet.noneOf(Signal.class);

        private final Map<ObservabilityAdapter, LaneSettings> adapters = new LinkedHashMap<>();

        private final List<HealthCheck> healthChecks = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param adapter an adapter to register with the default lane settings
         * @return this builder
         */
        public Builder adapter(ObservabilityAdapter adapter) {
            this.adapters.put(adapter, null);
            return this;
        }

        /**
         * @param adapter an adapter to register
         * @param settings its lane's settings
         * @return this builder
         */
        public Builder adapter(ObservabilityAdapter adapter, LaneSettings settings) {
            this.adapters.put(adapter, settings);
            return this;
        }

        /**
         * @param check a health check to run on the schedule
         * @return this builder
         */
        public Builder healthCheck(HealthCheck check) {
            this.healthChecks.add(check);
            return this;
        }

        /**
         * @param settings the lane settings of adapters registered without their own
         * @return this builder
         */
        public Builder defaultLaneSettings(LaneSettings settings) {
            this.defaultLaneSettings = settings;
            return this;
        }

        /**
         * @param factory makes each lane's circuit breaker (default: stand-alone breakers)
         * @return this builder
         */
        public Builder circuitBreakerFactory(CircuitBreakerFactory factory) {
            this.breakerFactory = factory;
            return this;
        }

        /**
         * @param interval the shortest time between two reports of one adapter's failures in the application log
         * (default 1 minute)
         * @return this builder
         */
        public Builder failureLogInterval(Duration interval) {
            this.failureLogInterval = interval;
            return this;
        }

        /**
         * @param timeout the longest {@link #close()} waits for queues to drain (default 5 s)
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * @param log where {@link #close()} writes its one summary line ({@code Observability stopped: ...}); by
         * default the {@code System.Logger} of this class at INFO. A host whose logging bridge is gone by the time
         * the manager stops (Spring Boot removes its JUL bridge when the context closes) passes its own logger here.
         * @return this builder
         */
        public Builder shutdownSummaryLog(Consumer<String> log) {
            this.shutdownSummaryLog = log;
            return this;
        }

        /**
         * @param source where span ids and the outside parent come from (default: random ids, no outside context)
         * @return this builder
         */
        public Builder spanContextSource(SpanContextSource source) {
            this.spanContextSource = source;
            return this;
        }

        /**
         * @param level the minimum level logged (default INFO)
         * @return this builder
         */
        public Builder minimumLevel(LogLevel level) {
            this.minimumLevel = level;
            return this;
        }

        /**
         * @param limits the length limits of log messages and fields
         * @return this builder
         */
        public Builder logLimits(LogLimits limits) {
            this.logLimits = limits;
            return this;
        }

        /**
         * @param output where {@link ObservabilityManager#log(LogEvent)} and the other {@code log} methods write
         * their events instead of handing them to the logging lanes (default: none, the lanes receive them). A host
         * whose logging framework feeds the lanes through a bridge calling
         * {@link ObservabilityManager#dispatchLog(LogEvent)} writes them into that framework, so each event reaches
         * its console once and each logging adapter once. Called on the logging thread; must not throw.
         * @return this builder
         */
        public Builder logOutput(Consumer<LogEvent> output) {
            this.logOutput = output;
            return this;
        }

        /**
         * @param redaction which keys' values are masked in log fields, span attributes, health details and metric
         * labels before any adapter sees them (default {@link Redaction#defaults()}; {@link Redaction#disabled()}
         * masks nothing)
         * @return this builder
         */
        public Builder redaction(Redaction redaction) {
            this.redaction = redaction;
            return this;
        }

        /**
         * @param settings the health cycle's interval, timeout and threshold
         * @return this builder
         */
        public Builder healthSettings(HealthSettings settings) {
            this.healthSettings = settings;
            return this;
        }

        /**
         * @param signal a signal
         * @param enabled whether the manager routes it (default: every signal on)
         * @return this builder
         */
        public Builder signalEnabled(Signal signal, boolean enabled) {
            if (enabled) {
                this.disabledSignals.remove(signal);
            }
            else {
                this.disabledSignals.add(signal);
            }
            return this;
        }

        /**
         * @param clock the clock of timestamps (default: the UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @return a manager, not started yet
         * @throws IllegalArgumentException if two adapters share a name or an adapter is invalid
         */
        public ObservabilityManager build() {
            if (this.shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdown timeout must not be negative, was " + this.shutdownTimeout);
            }
            Map<ObservabilityAdapter, LaneSettings> resolved = new LinkedHashMap<>();
            this.adapters.forEach((adapter, settings) -> resolved.put(adapter,
                    (settings != null) ? settings : this.defaultLaneSettings));
            this.adapters.clear();
            this.adapters.putAll(resolved);
            return new ObservabilityManager(this);
        }
    }
}
