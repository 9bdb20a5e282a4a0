package dev.observability.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.health.HealthMonitor;
import dev.observability.core.internal.redaction.FieldsRedactor;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.settings.SettingsChange;
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
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContextSource;
import org.jspecify.annotations.Nullable;

/**
 * The one facade the application records telemetry through. It checks each recording against the documented rules
 * (refusing and counting what breaks them), then hands it to every adapter of that signal through the adapter's
 * isolated lane. No recording method throws or blocks, whatever the adapters do.
 * <p>
 * Build one with {@link #builder()}, {@link #start()} it, and {@link #close()} it when the application stops.
 * <p>
 * It holds one short method per recording the application can make; the work is done elsewhere: the lanes and their
 * registry ({@code LaneRegistry}), the metric handles ({@code MetricRecorder}, {@code SeriesCache}), the spans
 * ({@code SpanTracker}), the health schedule ({@code HealthMonitor}).
 */
public final class ObservabilityManager implements AutoCloseable {

    private final Clock clock;

    private final LaneSettings defaultLaneSettings;

    private final Duration shutdownTimeout;

    private final Consumer<String> shutdownSummaryLog;

    private final @Nullable Consumer<LogEvent> logOutput;

    private final LogLimits logLimits;

    private final LaneRegistry lanes;

    private final SeriesCache series;

    private final SpanTracker spans;

    private final HealthMonitor healthMonitor;

    private final LiveManagerSettings settings;

    ObservabilityManager(ObservabilityManagerBuilder builder) {
        this.clock = builder.clock;
        this.defaultLaneSettings = builder.defaultLaneSettings;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.shutdownSummaryLog = builder.shutdownSummaryLog;
        this.logOutput = builder.logOutput;
        this.logLimits = builder.logLimits;
        this.lanes = new LaneRegistry(builder.breakerFactory, builder.failureLogInterval, builder.redaction,
                builder.disabledSignals);
        this.settings = new LiveManagerSettings(new ManagerSettings(builder.minimumLevel, builder.disabledSignals),
                this.lanes::switchSignals);
        this.series = new SeriesCache(this.lanes, this.lanes::metricsLanes);
        this.spans = new SpanTracker(this.lanes, this.clock, builder.spanContextSource);
        this.healthMonitor = new HealthMonitor(builder.healthSettings, this.clock, this.lanes::all, this::publishHealth,
                builder.redaction);
        builder.adapters.forEach(this::register);
        builder.healthChecks.forEach(this.healthMonitor::register);
    }

    /** @return a builder with the documented defaults */
    public static ObservabilityManagerBuilder builder() {
        return new ObservabilityManagerBuilder();
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
        this.lanes.register(adapter, settings);
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
        this.lanes.onRegistered(listener);
    }

    /**
     * @param check a check to run on the health schedule
     * @throws IllegalArgumentException if a check with that name is registered already
     */
    public void registerHealthCheck(HealthCheck check) {
        this.healthMonitor.register(check);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the lanes' workers and the health schedule. Calling it again does nothing. */
    public void start() {
        this.lanes.start(this.healthMonitor::start);
    }

    /** @return {@code true} between {@link #start()} and {@link #close()} */
    public boolean isRunning() {
        return this.lanes.isStarted();
    }

    /**
     * Stops: refuses new events on every lane, lets all queues drain at the same time for at most the shutdown
     * timeout, counts what is left as dropped, closes the adapters, and logs one summary line with what each adapter
     * was delivered and lost. Nothing queued is lost when the adapters keep up within the timeout; a hung adapter
     * costs only its own queue. Calling it again does nothing.
     */
    @Override
    public void close() {
        List<AdapterLane> lanes = this.lanes.stop();
        if (lanes == null) {
            return;
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        if (this.lanes.isOn(Signal.METRICS)) {
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
        return MetricRecorder.bindNamed(this.lanes, this.lanes::metricsLanes, name, labels);
    }

    /**
     * Resolves a counter that has a description or base unit once, for a hot path (see
     * {@link #counterHandle(String, Labels)}).
     * @param metric the counter
     * @param labels its labels
     * @return the handle; if the name or labels are invalid, a handle that refuses and counts every recording
     */
    public CounterHandle counterHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this.lanes, this.lanes::metricsLanes, metric, labels);
    }

    /**
     * @param name the gauge's name
     * @param labels its labels
     * @return a pre-bound gauge handle (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.lanes, this.lanes::metricsLanes, name, labels);
    }

    /**
     * @param metric the gauge, with its description or base unit
     * @param labels its labels
     * @return a pre-bound gauge handle (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this.lanes, this.lanes::metricsLanes, metric, labels);
    }

    /**
     * @param name the histogram's name
     * @param labels its labels
     * @return a pre-bound histogram handle (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.lanes, this.lanes::metricsLanes, name, labels);
    }

    /**
     * @param metric the histogram, with its description or base unit
     * @param labels its labels
     * @return a pre-bound histogram handle (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this.lanes, this.lanes::metricsLanes, metric, labels);
    }

    /**
     * @param name the timing's name
     * @param labels its labels
     * @return a pre-bound timing handle (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.lanes, this.lanes::metricsLanes, name, labels);
    }

    /**
     * @param metric the timing, with its description (its base unit is ignored: the backend's time unit applies)
     * @param labels its labels
     * @return a pre-bound timing handle (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(Metric metric, Labels labels) {
        return MetricRecorder.bind(this.lanes, this.lanes::metricsLanes, metric, labels);
    }

    /**
     * A feed into the metrics adapters a filter accepts, for a bridge from a source that some adapters already read
     * natively (see {@link MetricsFeed}).
     * @param accepts which metrics adapters the feed reaches
     * @return the feed
     */
    public MetricsFeed metricsFeed(Predicate<? super MetricsAdapter> accepts) {
        return new MetricsFeed(this.lanes, accepts);
    }

    /** @return the cache of the look-up-per-call metric methods (package-private, for tests) */
    SeriesCache seriesCache() {
        return this.series;
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
        return this.spans.start(name, attributes);
    }

    /**
     * @return the span current on this thread: the manager's, or else the application's tracing context's, or
     * {@code null}
     */
    public @Nullable SpanContext currentSpanContext() {
        return this.spans.current();
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
        this.spans.record(start, replay, accepts);
    }

    /**
     * Whether a span handed to {@link #recordSpan} with this filter would reach an adapter's lane now: tracing is on
     * and a tracing adapter the filter accepts is registered (switched on or off: a switched-off adapter counts what
     * it refuses). A bridge asks before it gathers what a span needs, so that an application without such an adapter
     * pays nothing for the spans no one would receive.
     * @param accepts which tracing adapters the spans would go to
     * @return whether {@link #recordSpan} with this filter would hand a span to a lane
     */
    public boolean recordsSpans(Predicate<ObservabilityAdapter> accepts) {
        return this.lanes.routesToAny(Signal.TRACING, accepts);
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
        if (level == null || !this.lanes.isOn(Signal.LOGGING) || !level.isAtLeast(this.settings.minimumLevel())) {
            return;
        }
        log(new LogEvent(this.clock.instant(), level, (logger != null) ? logger : "application",
                Thread.currentThread().getName(), String.valueOf(message), (fields != null) ? fields : Fields.empty(),
                error, currentSpanContext()));
    }

    /**
     * Logs a complete event. The minimum level, the limits and redaction apply. The event goes to the
     * {@linkplain ObservabilityManagerBuilder#logOutput log output} when the manager has one (in a Spring Boot
     * application: Boot's logging, whose bridge hands it to the logging lanes), otherwise straight to the logging
     * lanes.
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
            submitToLoggingLanes(safe);
        }
    }

    /**
     * A bridge from the host's logging framework: it hands each of the framework's events to the logging lanes,
     * never to the {@linkplain ObservabilityManagerBuilder#logOutput log output}, so an event the output writes into
     * that framework and the bridge hands back reaches each adapter once. A bridge makes it once and dispatches every
     * event through it.
     * @param reader turns one of the framework's events into a {@link LogEvent} where a lane delivers it
     * @param gate which adapters receive the framework's events: a bridge leaves out adapters whose backend
     * receives them by itself, so each event reaches each backend once (asked once per adapter, see
     * {@link BridgeGate})
     * @param <E> the framework's event type
     * @return the bridge's way in
     */
    public <E> LogBridge<E> logBridge(LogEventReader<E> reader, BridgeGate gate) {
        return new LogBridge<>(this, reader, gate);
    }

    /**
     * Whether a bridged event of this level is admitted: logging is on and the level is at least the minimum. A
     * bridged event is admitted when it is queued, as every other signal's events are, so a change of settings
     * meanwhile does not make a queued event counted delivered that no adapter received.
     */
    boolean admitsBridgedLog(LogLevel level) {
        return this.lanes.isOn(Signal.LOGGING) && level.isAtLeast(this.settings.minimumLevel());
    }

    /** @return the lanes of the logging adapters now (never changed; a new array when the adapters change) */
    AdapterLane[] loggingLanes() {
        return this.lanes.loggingLanes();
    }

    private @Nullable LogEvent admit(@Nullable LogEvent event) {
        if (event == null || !this.lanes.isOn(Signal.LOGGING) || !event.level().isAtLeast(this.settings.minimumLevel())) {
            return null;
        }
        return prepared(event);
    }

    /**
     * The event as adapters receive it. A bridged event was admitted (signal switch, minimum level) when it was
     * queued, as every other signal's events are, so a change of settings meanwhile does not make a queued event
     * counted delivered that no adapter received.
     * @param event an admitted event
     * @return the event with the limits and redaction applied
     */
    LogEvent prepared(LogEvent event) {
        return this.logLimits.apply(redact(event), this.lanes.refusals());
    }

    private void submitToLoggingLanes(LogEvent safe) {
        for (AdapterLane lane : this.lanes.loggingLanes()) {
            lane.submit(Signal.LOGGING, (LoggingAdapter adapter) -> adapter.log(safe));
        }
    }

    private LogEvent redact(LogEvent event) {
        Fields fields = FieldsRedactor.redact(this.lanes.redaction(), event.fields());
        return (fields == event.fields()) ? event : new LogEvent(event.timestamp(), event.level(), event.logger(),
                event.thread(), event.message(), fields, event.error(), event.span());
    }

    /** @return the minimum level logged */
    public LogLevel minimumLevel() {
        return this.settings.minimumLevel();
    }

    /**
     * Changes the minimum level at runtime, as {@link #changeSettings(SettingsChange)} does.
     * @param level the new minimum level
     */
    public void setMinimumLevel(LogLevel level) {
        changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, level));
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
        if (!this.lanes.isOn(Signal.HEALTH)) {
            return;
        }
        for (AdapterLane lane : this.lanes.healthLanes()) {
            lane.submit(Signal.HEALTH, (HealthAdapter adapter) -> adapter.report(report));
        }
    }

    /** @return every adapter's state and account, in registration order */
    public List<AdapterSnapshot> adapters() {
        return this.lanes.all().stream().map(AdapterLane::snapshot).toList();
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
        return Optional.ofNullable(this.lanes.lane(name));
    }

    /**
     * Switches an adapter on or off at runtime, as {@link #changeSettings(String, SettingsChange)} does.
     * @param name the adapter's name
     * @param enabled the new state
     * @return {@code false} when no adapter has that name
     */
    public boolean setEnabled(String name, boolean enabled) {
        return changeSettings(name, SettingsChange.of(LaneSetting.ENABLED, enabled)).isPresent();
    }

    /**
     * Switches an adapter back to its configured state (its {@link LaneSettings#enabled()}), undoing
     * {@link #setEnabled(String, boolean)}.
     * @param name the adapter's name
     * @return {@code false} when no adapter has that name
     */
    public boolean resetEnabled(String name) {
        return changeSettings(name, SettingsChange.<LaneSettings>none().reset(LaneSetting.ENABLED)).isPresent();
    }

    /**
     * Changes some settings of an adapter's lane at runtime ({@link LaneSetting} names each, as in
     * {@code observability.adapters.<name>.*}), all or nothing, and logs the change once (each setting from and to,
     * and {@link SettingsChange#by()}). The lane applies it at once: an event sees the old settings or the new ones,
     * never a mix. A breaker whose settings change is replaced by one in the same state as far as Resilience4j allows
     * (its window of recent calls starts empty; an open breaker's wait starts again); a queue that shrinks keeps the
     * events it holds, and refuses new ones until it holds fewer than its new capacity. The account stays exact
     * across the change. Changes last until the manager is closed: the next one starts from its configured settings.
     * @param name the adapter's name
     * @param change the change; {@link SettingsChange#reset} returns a setting to its configured value
     * @return the lane's settings in force after the change, or empty when no adapter has that name
     * @throws IllegalArgumentException with a one-line reason naming the setting, its range and the value, when a
     * setting refuses its new value (or applying it overflows); then nothing changed
     * @throws IllegalStateException when the manager is closed, or when the heap has no room for what the new
     * settings need (an {@link OutOfMemoryError} while the lane makes a larger queue); then nothing changed
     */
    public Optional<LaneSettings> changeSettings(String name, SettingsChange<LaneSettings> change) {
        AdapterLane lane = (name != null) ? this.lanes.lane(name) : null;
        if (lane == null) {
            return Optional.empty();
        }
        SettingsLog.changed(name, lane.change(change), change.by());
        return Optional.of(lane.settings());
    }

    /**
     * Changes some of the manager's settings at runtime ({@link ManagerSetting} names each: the minimum log level and
     * the signals routed, as {@code observability.logging.level} and {@code observability.<signal>.enabled}), all or
     * nothing, and logs the change once. Changes last until the manager is closed.
     * @param change the change; {@link SettingsChange#reset} returns a setting to its configured value
     * @return the manager's settings in force after the change
     * @throws IllegalArgumentException with a one-line reason naming the setting, when a setting refuses its new value;
     * then nothing changed
     */
    public ManagerSettings changeSettings(SettingsChange<ManagerSettings> change) {
        SettingsLog.changed(null, this.settings.change(change), change.by());
        return this.settings.current();
    }

    /** @return the manager's settings in force now */
    public ManagerSettings settings() {
        return this.settings.current();
    }

    /** @return the manager's settings as built: what a setting changed at runtime returns to */
    public ManagerSettings configuredSettings() {
        return this.settings.configured();
    }

    /** @return the manager's settings changed at runtime so far, each setting of each change counted once */
    public long settingsChanges() {
        return this.settings.changes();
    }

    /** @return the rule that masks sensitive values before any adapter sees them */
    public Redaction redaction() {
        return this.lanes.redaction();
    }

    /** @return the count of recordings refused before any adapter, by reason */
    public Refusals refusals() {
        return this.lanes.refusals();
    }
}
