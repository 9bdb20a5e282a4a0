package dev.observability.core.internal.tracing;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.SpanContextSource;
import org.jspecify.annotations.Nullable;

/**
 * A manager span whose ids come from an integration's span context source, with the source's own span for it (its
 * attachment) when the source keeps one. An attached span keeps no ids while open: they are the attachment's, asked
 * of the source the first time someone needs them (a log line inside the span, an adapter) and kept from then on;
 * a child's start reads them without keeping them. A parent that is a manager span is kept as that span, not as a
 * copy of its ids.
 */
final class SourcedSpan extends ManagedSpan {

    /** The ids: given at the start for a span without attachment, else made on the first ask. */
    private @Nullable SpanContext context;

    /** The parent: the manager span current at the start, the outside span's ids, or {@code null}. */
    private final @Nullable Object parent;

    private final @Nullable Object attachment;

    private final AutoCloseable source;

    /**
     * Starts the span and makes it current on the calling thread.
     * @param recorder the recorder of the manager's spans
     * @param name the span's name
     * @param context the span's ids, or {@code null} when they are the attachment's
     * @param parent the parent: a {@link ManagedSpan}, a {@link SpanContext} or {@code null}
     * @param attachment the span context source's own span for this span, or {@code null}
     * @param startEpochNanos the start, in nanoseconds since the epoch
     * @param attributes the start attributes, redacted
     * @param source the integration's scope that makes the span current in its own context too
     */
    SourcedSpan(SpanRecorder recorder, String name, @Nullable SpanContext context, @Nullable Object parent,
            @Nullable Object attachment, long startEpochNanos, Fields attributes, AutoCloseable source) {
        super(recorder, name, startEpochNanos, attributes);
        this.source = source;
        this.context = context;
        this.parent = parent;
        this.attachment = attachment;
        enter(recorder.stack());
    }

    @Override
    AutoCloseable source() {
        return this.source;
    }

    @Override
    public SpanContext context() {
        SpanContext ids = this.context;
        if (ids == null) {
            ids = idsForChild();
            this.context = ids;
        }
        return ids;
    }

    @Override
    SpanContext idsForChild() {
        SpanContext ids = this.context;
        if (ids != null) {
            return ids;
        }
        ids = (this.attachment != null) ? recorder().contextOf(this.attachment) : null;
        // a source whose answer changed since the start: the span takes ids of its own rather than none
        return (ids != null) ? ids : SpanContextSource.RANDOM.newContext(parent());
    }

    @Override
    @Nullable SpanContext parent() {
        return (this.parent instanceof ManagedSpan span) ? span.idsForChild() : (SpanContext) this.parent;
    }

    @Override
    @Nullable Object attachment() {
        return this.attachment;
    }
}
