package dev.observability.core.spi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An adapter's own span. The lane calls its methods in the order the application made them, then {@link #end}.
 * Only {@link #end} is required; the others default to doing nothing.
 */
public interface AdapterSpan {

    /**
     * @param key the attribute's key
     * @param value a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@code null}
     */
    default void setAttribute(String key, @Nullable Object value) {
    }

    /**
     * @param name the event's name
     * @param attributes the event's attributes
     * @param time when it happened
     */
    default void addEvent(String name, Fields attributes, Instant time) {
    }

    /**
     * @param error the exception the operation ended with
     * @param time when it was recorded
     */
    default void recordException(Throwable error, Instant time) {
    }

    /**
     * @param status the status
     * @param description why, or {@code null}
     */
    default void setStatus(SpanStatus status, @Nullable String description) {
    }

    /**
     * Ends the span.
     * @param endTime when it ended
     */
    void end(Instant endTime);
}
