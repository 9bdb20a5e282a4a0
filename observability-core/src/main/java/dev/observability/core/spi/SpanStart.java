package dev.observability.core.spi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a tracing adapter needs to start its own span.
 *
 * @param context the span's ids
 * @param parent the parent's ids, or {@code null} for a root span
 * @param attributes the attributes given at start
 * @param attachment the span context source's own span for this span (see
 * {@code SpanContextSource.startAttached}), or {@code null}
 */
public record SpanStart(String name, SpanContext context, @Nullable SpanContext parent, Instant startTime,
        Fields attributes, @Nullable Object attachment) {

    /**
     * A start without an attachment: a span made outside the manager, or by a source that keeps nothing on its spans.
     * @param name the span's name
     * @param context the span's ids
     * @param parent the parent's ids, or {@code null} for a root span
     * @param startTime when the span started
     * @param attributes the attributes given at start
     */
    public SpanStart(String name, SpanContext context, @Nullable SpanContext parent, Instant startTime,
            Fields attributes) {
        this(name, context, parent, startTime, attributes, null);
    }

    /**
     * @param <T> the type the caller knows how to use
     * @param type the class of the span context source's spans
     * @return the attachment when it is of that type, else {@code null}
     */
    public <T> @Nullable T attachment(Class<T> type) {
        return type.isInstance(this.attachment) ? type.cast(this.attachment) : null;
    }
}
