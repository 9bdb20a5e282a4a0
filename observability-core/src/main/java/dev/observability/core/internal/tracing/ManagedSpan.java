package dev.observability.core.internal.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.observability.core.internal.dispatch.Delivery;
import dev.observability.core.internal.redaction.FieldsRedactor;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.spi.TracingAdapter;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * A span started through the manager: it records what the application sets and, when it ends, hands itself to
 * every tracing lane as one event (it is the lane's {@link Delivery}). While open it is also the frame of its own
 * turn as the thread's current span, so an open span is one object; the list of recorded operations is created
 * with the first operation.
 */
final class ManagedSpan extends SpanFrame implements Span, Delivery<TracingAdapter> {

    private final SpanRecorder recorder;

    private final String name;

    private final SpanContext context;

    private final @Nullable SpanContext parent;

    private final @Nullable Object attachment;

    private final long startEpochNanos;

    private final Fields attributes;

    /** Guarded by {@code this}; frozen once {@link #ended}. */
    private @Nullable List<Consumer<AdapterSpan>> operations;

    /** Guarded by {@code this}. */
    private boolean ended;

    /** Set when the span ends, before it is handed to the lanes. */
    private @Nullable Instant endTime;

    /**
     * Starts the span and makes it current on the calling thread.
     * @param recorder the recorder of the manager's spans
     * @param name the span's name
     * @param context the span's ids
     * @param parent the parent's ids, or {@code null}
     * @param attachment the span context source's own span for this span, or {@code null}
     * @param startEpochNanos the start, in nanoseconds since the epoch
     * @param attributes the start attributes, redacted
     * @param source the integration's scope that makes the span current in its own context too
     */
    ManagedSpan(SpanRecorder recorder, String name, SpanContext context, @Nullable SpanContext parent,
            @Nullable Object attachment, long startEpochNanos, Fields attributes, Scope source) {
        super(recorder.stack(), source);
        this.recorder = recorder;
        this.name = name;
        this.context = context;
        this.parent = parent;
        this.attachment = attachment;
        this.startEpochNanos = startEpochNanos;
        this.attributes = attributes;
        enter(recorder.stack());
    }

    @Override
    ManagedSpan span() {
        return this;
    }

    @Override
    public SpanContext context() {
        return this.context;
    }

    /** @return the span context source's own span for this span, or {@code null} */
    @Nullable Object attachment() {
        return this.attachment;
    }

    @Override
    public Span attribute(String key, @Nullable Object value) {
        if (key != null) {
            Object normalized = this.recorder.redaction().value(key, Fields.normalize(value));
            record((span) -> span.setAttribute(key, normalized));
        }
        return this;
    }

    @Override
    public Span event(String eventName, Fields eventAttributes) {
        Instant time = this.recorder.clock().instant();
        String safeName = (eventName != null) ? eventName : "event";
        Fields safeAttributes = (eventAttributes != null)
                ? FieldsRedactor.redact(this.recorder.redaction(), eventAttributes)
                : Fields.empty();
        record((span) -> span.addEvent(safeName, safeAttributes, time));
        return this;
    }

    @Override
    public Span error(Throwable error) {
        if (error != null) {
            Instant time = this.recorder.clock().instant();
            record((span) -> {
                span.recordException(error, time);
                span.setStatus(SpanStatus.ERROR, error.getClass().getSimpleName());
            });
        }
        return this;
    }

    @Override
    public Span status(SpanStatus status, @Nullable String description) {
        if (status != null) {
            record((span) -> span.setStatus(status, description));
        }
        return this;
    }

    private synchronized void record(Consumer<AdapterSpan> operation) {
        if (this.ended) {
            return;
        }
        if (this.operations == null) {
            this.operations = new ArrayList<>(4);
        }
        this.operations.add(operation);
    }

    @Override
    public Scope makeCurrent() {
        return this.recorder.makeCurrent(this);
    }

    @Override
    public void close() {
        Instant end = this.recorder.clock().instant();
        synchronized (this) {
            if (this.ended) {
                return;
            }
            this.ended = true;
        }
        leave(this.recorder.stack());
        this.endTime = end;
        this.recorder.ended(this);
    }

    /**
     * Replays the ended span into one adapter: its start, the recorded operations in order, its end. The lane calls
     * it only after {@link #close()} handed the span over (inline on the closing thread, or through its queue), so
     * the fields it reads are set and the operations list no longer changes.
     */
    @Override
    public void deliverTo(TracingAdapter adapter) {
        AdapterSpan span = adapter.startSpan(new SpanStart(this.name, this.context, this.parent,
                epochInstant(this.startEpochNanos), this.attributes, this.attachment));
        List<Consumer<AdapterSpan>> recorded = this.operations;
        if (recorded != null) {
            for (Consumer<AdapterSpan> operation : recorded) {
                operation.accept(span);
            }
        }
        span.end(Objects.requireNonNull(this.endTime, "a span is delivered after it ended"));
    }

    @Override
    public String toString() {
        return "Span[" + this.name + " " + this.context.traceId() + "/" + this.context.spanId() + "]";
    }

    /**
     * @param clock a clock
     * @return its time, in nanoseconds since the epoch
     */
    static long epochNanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static Instant epochInstant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
