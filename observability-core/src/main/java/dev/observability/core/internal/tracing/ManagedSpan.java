package dev.observability.core.internal.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

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
 * turn as the thread's current span, so an open span is one object; what it records is kept without a lock (see
 * {@link SpanOperations}). Where its ids come from is the subclass's: {@link GeneratedIdsSpan} keeps them as
 * numbers, {@link SourcedSpan} as the span context source gave them.
 */
abstract class ManagedSpan extends SpanFrame implements Span, Delivery<TracingAdapter>, Supplier<SpanStart> {

    private final SpanRecorder recorder;

    private final String name;

    private final long startEpochNanos;

    private final Fields attributes;

    /** {@link SpanOperations}'s head, with the end time once ended: read and written only through it. */
    volatile @Nullable Object operations;

    /**
     * Takes the calling thread's current span as the one to restore; the subclass's constructor makes this span
     * current when its fields are set.
     * @param recorder the recorder of the manager's spans
     * @param name the span's name
     * @param startEpochNanos the start, in nanoseconds since the epoch
     * @param attributes the start attributes, redacted
     */
    ManagedSpan(SpanRecorder recorder, String name, long startEpochNanos, Fields attributes) {
        super(recorder.stack());
        this.recorder = recorder;
        this.name = name;
        this.startEpochNanos = startEpochNanos;
        this.attributes = attributes;
    }

    /** @return the recorder of the manager's spans */
    final SpanRecorder recorder() {
        return this.recorder;
    }

    @Override
    final ManagedSpan span() {
        return this;
    }

    @Override
    public abstract SpanContext context();

    /** @return the parent's ids, or {@code null} for a root span */
    abstract @Nullable SpanContext parent();

    /**
     * @return this span's ids for a child's start or delivery: {@link #context()} unless the subclass makes them
     * afresh without keeping them, so that an open span whose own ids nobody asked for keeps none
     */
    SpanContext idsForChild() {
        return context();
    }

    /** @return the span context source's own span for this span, or {@code null} */
    @Nullable Object attachment() {
        return null;
    }

    @Override
    public Span attribute(String key, @Nullable Object value) {
        if (key != null) {
            Object normalized = this.recorder.redaction().value(key, Fields.normalize(value));
            SpanOperations.record(this, (span) -> span.setAttribute(key, normalized));
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
        SpanOperations.record(this, (span) -> span.addEvent(safeName, safeAttributes, time));
        return this;
    }

    @Override
    public Span error(Throwable error) {
        if (error != null) {
            Instant time = this.recorder.clock().instant();
            SpanOperations.record(this, (span) -> {
                span.recordException(error, time);
                span.setStatus(SpanStatus.ERROR, error.getClass().getSimpleName());
            });
        }
        return this;
    }

    @Override
    public Span status(SpanStatus status, @Nullable String description) {
        if (status != null) {
            SpanOperations.record(this, (span) -> span.setStatus(status, description));
        }
        return this;
    }

    @Override
    public Scope makeCurrent() {
        return this.recorder.makeCurrent(this);
    }

    @Override
    public void close() {
        if (!SpanOperations.end(this, epochNanos(this.recorder.clock()))) {
            return;
        }
        leave(this.recorder.stack());
        this.recorder.ended(this);
    }

    /**
     * Replays the ended span into one adapter: its start, the recorded operations in order, its end. The lane calls
     * it only after {@link #close()} handed the span over (inline on the closing thread, or through its queue), so
     * the fields it reads are set and the recorded operations no longer change.
     */
    @Override
    public void deliverTo(TracingAdapter adapter) {
        Object attachment = attachment();
        AdapterSpan span = (attachment != null) ? adapter.startSpan(attachment, this.attributes, this)
                : adapter.startSpan(get());
        SpanOperations.replay(this, span);
        span.end(SpanOperations.endEpochNanos(this));
    }

    /**
     * The span's start as a tracing adapter receives it, made for each adapter that asks (see
     * {@link TracingAdapter#startSpan(Object, Fields, Supplier)}).
     * @return the start
     */
    @Override
    public SpanStart get() {
        return new SpanStart(this.name, context(), parent(), epochInstant(this.startEpochNanos), this.attributes,
                attachment());
    }

    @Override
    public String toString() {
        SpanContext ids = context();
        return "Span[" + this.name + " " + ids.traceId() + "/" + ids.spanId() + "]";
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
