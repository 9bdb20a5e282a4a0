package dev.observability.core.internal.logging;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.observability.core.bridge.BridgeGate;
import dev.observability.core.bridge.LogBridge;
import dev.observability.core.bridge.LogEventReader;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.redaction.FieldsRedactor;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * The logging signal's recorder: admits a log event (logging switched on, level at least the minimum), cuts it to the
 * limits, masks its sensitive fields, and hands it to the log output when the manager has one, otherwise to every
 * logging lane. It also makes the bridges from a logging framework ({@link GatedLogBridge}), which reach the lanes
 * only, never the output.
 */
public final class LogRecorder {

    /** The logger name of an event logged without one. */
    private static final String APPLICATION_LOGGER = "application";

    private final LaneRegistry lanes;

    private final Clock clock;

    private final LogLimiter limiter;

    private final @Nullable Consumer<LogEvent> output;

    private final Supplier<@Nullable SpanContext> currentSpan;

    private volatile LogLevel minimumLevel;

    /**
     * @param lanes the lanes, with the signal switch, the refusal counts and the redaction rule
     * @param clock the clock of the events' timestamps
     * @param limits the lengths events are cut to
     * @param minimumLevel the least level logged, until {@link #minimumLevel(LogLevel)} changes it
     * @param output where admitted events go instead of the logging lanes, or {@code null}: to the lanes
     * @param currentSpan the span current on the calling thread, or {@code null}
     */
    public LogRecorder(LaneRegistry lanes, Clock clock, LogLimits limits, LogLevel minimumLevel,
            @Nullable Consumer<LogEvent> output, Supplier<@Nullable SpanContext> currentSpan) {
        this.lanes = lanes;
        this.clock = clock;
        this.limiter = new LogLimiter(limits, lanes.refusals());
        this.minimumLevel = minimumLevel;
        this.output = output;
        this.currentSpan = currentSpan;
    }

    /**
     * Logs an event made now on the calling thread, with the span current there.
     * @param level the level; {@code null} or below the minimum logs nothing
     * @param logger the logger's name ({@code null}: {@code application})
     * @param message the message ({@code null} is written as {@code "null"})
     * @param fields structured fields, or {@code null}
     * @param error an exception, or {@code null}
     */
    public void log(@Nullable LogLevel level, @Nullable String logger, @Nullable String message,
            @Nullable Fields fields, @Nullable Throwable error) {
        if (level == null || !admits(level)) {
            return;
        }
        log(new LogEvent(this.clock.instant(), level, (logger != null) ? logger : APPLICATION_LOGGER,
                Thread.currentThread().getName(), String.valueOf(message), (fields != null) ? fields : Fields.empty(),
                error, this.currentSpan.get()));
    }

    /**
     * Logs a complete event: admitted, cut to the limits and redacted, then handed to the output or the lanes.
     * @param event the event; {@code null} logs nothing
     */
    public void log(@Nullable LogEvent event) {
        if (event == null || !admits(event.level())) {
            return;
        }
        LogEvent safe = prepared(event);
        Consumer<LogEvent> out = this.output;
        if (out != null) {
            out.accept(safe);
            return;
        }
        for (AdapterLane lane : this.lanes.loggingLanes()) {
            lane.submit(Signal.LOGGING, (LoggingAdapter adapter) -> adapter.log(safe));
        }
    }

    /**
     * @param reader turns one of the framework's events into a {@link LogEvent} where a lane delivers it
     * @param gate which adapters receive the framework's events
     * @param <E> the framework's event type
     * @return a bridge that hands the framework's events to the logging lanes the gate lets through
     */
    public <E> LogBridge<E> bridge(LogEventReader<E> reader, BridgeGate gate) {
        return new GatedLogBridge<>(this, reader, gate);
    }

    /**
     * Changes the least level logged, at once (a change of the manager's settings at runtime).
     * @param level the new minimum level
     */
    public void minimumLevel(LogLevel level) {
        this.minimumLevel = level;
    }

    /**
     * Whether an event of this level is admitted now: logging is on and the level is at least the minimum. A bridged
     * event is admitted when it is queued, as every other signal's events are, so a change of settings meanwhile does
     * not make a queued event counted delivered that no adapter received.
     */
    boolean admits(LogLevel level) {
        return this.lanes.isOn(Signal.LOGGING) && level.isAtLeast(this.minimumLevel);
    }

    /** @return the lanes of the logging adapters now (never changed; a new array when the adapters change) */
    AdapterLane[] lanes() {
        return this.lanes.loggingLanes();
    }

    /** @return the span current on the calling thread, or {@code null} */
    @Nullable SpanContext currentSpan() {
        return this.currentSpan.get();
    }

    /**
     * @param event an admitted event
     * @return the event as adapters receive it: cut to the limits, its sensitive fields masked
     */
    LogEvent prepared(LogEvent event) {
        Fields fields = FieldsRedactor.redact(this.lanes.redaction(), event.fields());
        LogEvent redacted = (fields == event.fields()) ? event : new LogEvent(event.timestamp(), event.level(),
                event.logger(), event.thread(), event.message(), fields, event.error(), event.span());
        return this.limiter.apply(redacted);
    }
}
