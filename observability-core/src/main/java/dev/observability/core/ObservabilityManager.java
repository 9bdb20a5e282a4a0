package dev.observability.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.core.bridge.BridgeGate;
import dev.observability.core.bridge.LogBridge;
import dev.observability.core.bridge.LogEventReader;
import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.health.HealthMonitor;
import dev.observability.core.internal.health.HealthRecorder;
import dev.observability.core.internal.logging.LogRecorder;
import dev.observability.core.internal.manager.ShutdownSummary;
import dev.observability.core.internal.metrics.MetricRecorder;
import dev.observability.core.internal.tracing.SpanRecorder;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContextSource;
import dev.observability.core.tracing.TraceSampling;
import org.jspecify.annotations.Nullable;

/**
 * The one facade the application records telemetry through. It checks each recording against the documented rules
 * (refusing and counting what breaks them), then hands it to every adapter of that signal through the adapter's
 * isolated lane. No recording method throws or blocks, whatever the adapters do.
 * <p>
 * Build one with {@link #builder()}, {@link #start()} it, and {@link #close()} it when the application stops.
 * Operating the pipeline (the adapters' state, health, settings changed at runtime) is apart from recording, in
 * {@link #controls()}.
 * <p>
 * It holds one short method per recording the application can make and delegates each: the work of each signal is
 * done by that signal's recorder over the lanes' registry ({@code MetricRecorder}, {@code SpanRecorder},
 * {@code LogRecorder}, {@code HealthRecorder} with the health schedule {@code HealthMonitor}).
 */
public final class ObservabilityManager implements AutoCloseable {

    private final LaneSettings defaultLaneSettings;

    private final Duration shutdownTimeout;

    private final Consumer<String> shutdownSummaryLog;

    private final LaneRegistry lanes;

    private final MetricRecorder metrics;

    private final SpanRecorder spans;

    private final LogRecorder logs;

    private final HealthMonitor healthMonitor;

    private final ObservabilityControls controls;

    ObservabilityManager(ObservabilityManagerBuilder builder) {
        this.defaultLaneSettings = builder.defaultLaneSettings;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.shutdownSummaryLog = builder.shutdownSummaryLog;
        this.lanes = new LaneRegistry(builder.breakerFactory, builder.failureLogInterval, builder.redaction,
                builder.disabledSignals);
        this.metrics = new MetricRecorder(this.lanes);
        this.spans = new SpanRecorder(this.lanes, builder.clock, builder.spanContextSource);
        this.logs = new LogRecorder(this.lanes, builder.clock, builder.logLimits, builder.minimumLevel,
                builder.logOutput, this.spans::current);
        this.healthMonitor = new HealthMonitor(builder.healthSettings, builder.clock, this.lanes::all,
                new HealthRecorder(this.lanes)::publish, builder.redaction);
        TraceSampling sampling = builder.traceSampling;
        this.controls = new ObservabilityControls(this.lanes, this.healthMonitor,
                new ManagerSettings(builder.minimumLevel, builder.disabledSignals,
                        (sampling != null) ? sampling.configuredProbability() : null),
                this.logs::minimumLevel, sampling);
        builder.adapters.forEach(this::register);
        builder.healthChecks.forEach(this.healthMonitor::register);
    }

    /** @return a builder with the documented defaults */
    public static ObservabilityManagerBuilder builder() {
        return new ObservabilityManagerBuilder();
    }

    // ---------------------------------------------------------------- registration and lifecycle

    /**
     * Registers an adapter with the default lane settings (see {@link #register(ObservabilityAdapter, LaneSettings)}).
     * @throws IllegalArgumentException if its name is taken or invalid, or it implements no signal interface
     */
    public void register(ObservabilityAdapter adapter) {
        register(adapter, this.defaultLaneSettings);
    }

    /**
     * Registers an adapter with its own lane settings. An adapter registered after {@link #start()} starts at once;
     * one registered after {@link #close()} refuses every event.
     * @throws IllegalArgumentException if its name is taken or invalid, or it implements no signal interface
     */
    public void register(ObservabilityAdapter adapter, LaneSettings settings) {
        this.lanes.register(adapter, settings);
    }

    /**
     * Adds a check to the health schedule.
     * @throws IllegalArgumentException if a check with that name is registered already
     */
    public void registerHealthCheck(HealthCheck check) {
        this.healthMonitor.register(check);
    }

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

    // ---------------------------------------------------------------- metrics: a value refused is counted by reason

    /** Adds one to a counter. */
    public void counter(String name, Labels labels) {
        counter(name, 1, labels);
    }

    /** Adds one to a counter that has a description or base unit (see {@link Metric}). */
    public void counter(Metric metric, Labels labels) {
        counter(metric, 1, labels);
    }

    /** Adds to a counter. A negative, NaN or infinite amount is refused ({@link InputRefusal#INVALID_VALUE}). */
    public void counter(String name, double amount, Labels labels) {
        this.metrics.counter(name, amount, labels);
    }

    /** Adds to a counter that has a description or base unit (see {@link #counter(String, double, Labels)}). */
    public void counter(Metric metric, double amount, Labels labels) {
        this.metrics.counter(metric, amount, labels);
    }

    /** Sets a gauge. A NaN or infinite value is refused. */
    public void gauge(String name, double value, Labels labels) {
        this.metrics.gauge(name, value, labels);
    }

    /** Sets a gauge that has a description or base unit (see {@link #gauge(String, double, Labels)}). */
    public void gauge(Metric metric, double value, Labels labels) {
        this.metrics.gauge(metric, value, labels);
    }

    /** Records a value into a histogram. A negative, NaN or infinite value is refused. */
    public void histogram(String name, double value, Labels labels) {
        this.metrics.histogram(name, value, labels);
    }

    /** Records a value into a histogram that has a description or base unit (see {@link Metric}). */
    public void histogram(Metric metric, double value, Labels labels) {
        this.metrics.histogram(metric, value, labels);
    }

    /** Records a duration. A {@code null} or negative duration is refused. */
    public void timing(String name, Duration duration, Labels labels) {
        this.metrics.timing(name, duration, labels);
    }

    /**
     * Records a duration into a timing that has a description (see {@link #timing(String, Duration, Labels)}); its
     * base unit is ignored (the backend's time unit applies).
     */
    public void timing(Metric metric, Duration duration, Labels labels) {
        this.metrics.timing(metric, duration, labels);
    }

    /**
     * Resolves a counter once, for a hot path: the handle records without validating the name and labels again and
     * without allocating for INLINE adapters.
     * @return the handle; if the name or labels are invalid, a handle that refuses and counts every recording
     */
    public CounterHandle counterHandle(String name, Labels labels) {
        return this.metrics.counterHandle(name, labels);
    }

    /** @return a pre-bound handle of a counter with a description or base unit (see {@link #counterHandle}) */
    public CounterHandle counterHandle(Metric metric, Labels labels) {
        return this.metrics.counterHandle(metric, labels);
    }

    /** @return a pre-bound gauge handle (see {@link #counterHandle}) */
    public GaugeHandle gaugeHandle(String name, Labels labels) {
        return this.metrics.gaugeHandle(name, labels);
    }

    /** @return a pre-bound handle of a gauge with a description or base unit (see {@link #counterHandle}) */
    public GaugeHandle gaugeHandle(Metric metric, Labels labels) {
        return this.metrics.gaugeHandle(metric, labels);
    }

    /** @return a pre-bound histogram handle (see {@link #counterHandle}) */
    public HistogramHandle histogramHandle(String name, Labels labels) {
        return this.metrics.histogramHandle(name, labels);
    }

    /** @return a pre-bound handle of a histogram with a description or base unit (see {@link #counterHandle}) */
    public HistogramHandle histogramHandle(Metric metric, Labels labels) {
        return this.metrics.histogramHandle(metric, labels);
    }

    /** @return a pre-bound timing handle (see {@link #counterHandle}) */
    public TimingHandle timingHandle(String name, Labels labels) {
        return this.metrics.timingHandle(name, labels);
    }

    /** @return a pre-bound handle of a timing with a description; its base unit is ignored */
    public TimingHandle timingHandle(Metric metric, Labels labels) {
        return this.metrics.timingHandle(metric, labels);
    }

    /**
     * @param accepts which metrics adapters the feed reaches
     * @return a feed for a bridge from a source that some adapters already read natively (see {@link MetricsFeed})
     */
    public MetricsFeed metricsFeed(Predicate<? super MetricsAdapter> accepts) {
        return this.metrics.feed(accepts);
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

    /** Starts a span with attributes (see {@link #startSpan(String)}). */
    public Span startSpan(String name, Fields attributes) {
        return this.spans.start(name, attributes);
    }

    /** @return the span current on this thread: the manager's, else the application's tracing context's, or null */
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
     */
    public boolean recordsSpans(Predicate<ObservabilityAdapter> accepts) {
        return this.spans.records(accepts);
    }

    // ---------------------------------------------------------------- logging

    /** Logs a message; below the minimum level nothing happens. */
    public void log(LogLevel level, String message) {
        this.logs.log(level, null, message, null, null);
    }

    /** Logs a message with structured fields. */
    public void log(LogLevel level, String message, Fields fields) {
        this.logs.log(level, null, message, fields, null);
    }

    /**
     * Logs an event. Messages and string field values longer than the limits are cut, with a marker, and counted.
     * @param message the message ({@code null} is written as {@code "null"})
     * @param error an exception, or {@code null}
     */
    public void log(LogLevel level, String logger, @Nullable String message, @Nullable Fields fields,
            @Nullable Throwable error) {
        this.logs.log(level, logger, message, fields, error);
    }

    /**
     * Logs a complete event. The minimum level, the limits and redaction apply. The event goes to the
     * {@linkplain ObservabilityManagerBuilder#logOutput log output} when the manager has one (in a Spring Boot
     * application: Boot's logging, whose bridge hands it to the logging lanes), otherwise straight to the logging
     * lanes.
     */
    public void log(LogEvent event) {
        this.logs.log(event);
    }

    /**
     * A bridge from the host's logging framework to the logging lanes (see {@link LogBridge}). A bridge makes it once
     * and dispatches every event through it.
     * @param reader turns one of the framework's events into a {@link LogEvent} where a lane delivers it
     * @param gate which adapters receive the framework's events: a bridge leaves out adapters whose backend receives
     * them by itself, so each event reaches each backend once
     * @param <E> the framework's event type
     * @return the bridge's way in
     */
    public <E> LogBridge<E> logBridge(LogEventReader<E> reader, BridgeGate gate) {
        return this.logs.bridge(reader, gate);
    }

    /** @return the operations on the pipeline: adapters, health and settings at runtime */
    public ObservabilityControls controls() {
        return this.controls;
    }
}
