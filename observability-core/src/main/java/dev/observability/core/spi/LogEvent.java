package dev.observability.core.spi;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One structured log event. A {@code null} logger, thread, message or fields (from a bridge that passes what it was
 * given) is replaced by {@code "application"}, {@code "unknown"}, {@code "null"} and no fields, so an event can
 * always be written; a {@code null} timestamp or level is a programming error and throws at once.
 *
 * @param error the exception, or {@code null}
 * @param span the span current when it was logged, or {@code null}
 */
public record LogEvent(Instant timestamp, LogLevel level, String logger, String thread, String message, Fields fields,
        @Nullable Throwable error, @Nullable SpanContext span) {

    /**
     * Replaces missing parts by their documented stand-ins.
     * @throws NullPointerException when the timestamp or level is {@code null}
     */
    public LogEvent {
        Objects.requireNonNull(timestamp, "a log event needs a timestamp");
        Objects.requireNonNull(level, "a log event needs a level");
        logger = (logger != null) ? logger : "application";
        thread = (thread != null) ? thread : "unknown";
        message = (message != null) ? message : "null";
        fields = (fields != null) ? fields : Fields.empty();
    }
}
