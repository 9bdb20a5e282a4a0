package dev.observability.core.tracing;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * A span the application started through the manager. It is current on the thread that started it until it is
 * closed; {@link #close()} ends it and restores the span that was current before. A span may be ended on another
 * thread: the thread that started it then no longer sees it as current. To start children on another thread, make
 * the span current there with {@link #makeCurrent()}. No method ever throws; calls after the end are ignored.
 */
public interface Span extends AutoCloseable {

    /** @return the span's ids, or {@code null} for a span that was refused (its name broke the rules) */
    @Nullable SpanContext context();

    /**
     * @param key the attribute's key
     * @param value a string, number or boolean ({@code null} keeps a null value)
     * @return this span
     */
    Span attribute(String key, @Nullable Object value);

    /**
     * @param name the event's name
     * @param attributes the event's attributes
     * @return this span
     */
    Span event(String name, Fields attributes);

    /**
     * Records an exception and sets the status to {@link SpanStatus#ERROR}.
     * @param error the exception
     * @return this span
     */
    Span error(Throwable error);

    /**
     * @param status the status
     * @param description why, or {@code null}
     * @return this span
     */
    Span status(SpanStatus status, @Nullable String description);

    /**
     * Makes this span current on the calling thread, for work handed to another thread: spans started there under
     * the scope are its children. Closing the scope (on that thread) restores the span that was current before.
     * @return the scope to close when that work is done
     */
    Scope makeCurrent();

    /** Ends the span (once) and restores the previously current span on this thread. */
    @Override
    void close();
}
