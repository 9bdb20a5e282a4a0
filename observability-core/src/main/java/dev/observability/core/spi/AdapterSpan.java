package dev.observability.core.spi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An adapter's own span. The lane calls its methods in the order the application made them, then one of the
 * {@code end} methods. Only {@link #end(Instant)} is required; the others default to doing nothing, or to it.
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

    /**
     * Ends the span, with the end time in the form the manager keeps it: a span whose backend takes the time as a
     * number (OpenTelemetry's) overrides it, and the manager then makes no {@link Instant} per span. The default
     * calls {@link #end(Instant)}.
     * @param endEpochNanos when it ended, in nanoseconds since the epoch
     */
    default void end(long endEpochNanos) {
        end(Instant.ofEpochSecond(0, endEpochNanos));
    }
}
