package dev.observability.core.logging;

import java.time.Instant;

import dev.observability.core.Fields;
import dev.observability.core.tracing.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * One structured log event.
 *
 * @param timestamp when it happened
 * @param level its severity
 * @param logger the logger's name
 * @param thread the name of the thread that logged it
 * @param message the message
 * @param fields structured fields
 * @param error the exception, or {@code null}
 * @param span the span current when it was logged, or {@code null}
 */
public record LogEvent(Instant timestamp, LogLevel level, String logger, String thread, String message, Fields fields,
        @Nullable Throwable error, @Nullable SpanContext span) {
}
