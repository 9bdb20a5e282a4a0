package dev.observability.core.internal.tracing;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Scope;
import org.jspecify.annotations.Nullable;

/**
 * A manager span whose ids the manager makes itself, for the default span context source
 * ({@link dev.observability.core.tracing.SpanContextSource#RANDOM}): random W3C ids kept as numbers, a child taking
 * its parent's trace id, every trace sampled, as that source does. The ids become strings only when asked (a log
 * line inside the span, an adapter receiving it), once per span.
 */
final class GeneratedIdsSpan extends ManagedSpan {

    private final long traceIdHigh;

    private final long traceIdLow;

    private final long spanId;

    /** The parent's span id, or zero for a root span. */
    private final long parentSpanId;

    /** The ids as strings, made on the first ask; a race makes equal copies. */
    private @Nullable SpanContext context;

    /**
     * Starts the span and makes it current on the calling thread.
     * @param recorder the recorder of the manager's spans
     * @param name the span's name
     * @param parent the manager span current on this thread, or {@code null} for a new trace
     * @param startEpochNanos the start, in nanoseconds since the epoch
     * @param attributes the start attributes, redacted
     */
    GeneratedIdsSpan(SpanRecorder recorder, String name, @Nullable GeneratedIdsSpan parent, long startEpochNanos,
            Fields attributes) {
        super(recorder, name, startEpochNanos, attributes);
        if (parent != null) {
            this.traceIdHigh = parent.traceIdHigh;
            this.traceIdLow = parent.traceIdLow;
            this.parentSpanId = parent.spanId;
        }
        else {
            this.traceIdHigh = HexIds.randomNonZero();
            this.traceIdLow = HexIds.randomNonZero();
            this.parentSpanId = 0;
        }
        this.spanId = HexIds.randomNonZero();
        enter(recorder.stack());
    }

    /** The default source has no context of its own to make the span current in. */
    @Override
    AutoCloseable source() {
        return Scope.NOOP;
    }

    @Override
    public SpanContext context() {
        SpanContext ids = this.context;
        if (ids == null) {
            ids = new SpanContext(HexIds.traceId(this.traceIdHigh, this.traceIdLow), HexIds.spanId(this.spanId), true);
            this.context = ids;
        }
        return ids;
    }

    @Override
    @Nullable SpanContext parent() {
        return (this.parentSpanId != 0) ? new SpanContext(context().traceId(), HexIds.spanId(this.parentSpanId), true)
                : null;
    }
}
