package dev.observability.core.internal.tracing;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Scope;
import org.jspecify.annotations.Nullable;

/**
 * A manager span whose ids come from an integration's span context source, with the source's own span for it (its
 * attachment) when the source keeps one.
 */
final class SourcedSpan extends ManagedSpan {

    private final SpanContext context;

    private final @Nullable SpanContext parent;

    private final @Nullable Object attachment;

    private final Scope source;

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
    SourcedSpan(SpanRecorder recorder, String name, SpanContext context, @Nullable SpanContext parent,
            @Nullable Object attachment, long startEpochNanos, Fields attributes, Scope source) {
        super(recorder, name, startEpochNanos, attributes);
        this.source = source;
        this.context = context;
        this.parent = parent;
        this.attachment = attachment;
        enter(recorder.stack());
    }

    @Override
    Scope source() {
        return this.source;
    }

    @Override
    public SpanContext context() {
        return this.context;
    }

    @Override
    @Nullable SpanContext parent() {
        return this.parent;
    }

    @Override
    @Nullable Object attachment() {
        return this.attachment;
    }
}
