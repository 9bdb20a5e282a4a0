package dev.observability.core.tracing;

import java.time.Instant;

import dev.observability.core.Fields;
import org.jspecify.annotations.Nullable;

/**
 * What a tracing adapter needs to start its own span.
 *
 * @param name the span's name
 * @param context the span's ids
 * @param parent the parent's ids, or {@code null} for a root span
 * @param startTime when the span started
 * @param attributes the attributes given at start
 */
public record SpanStart(String name, SpanContext context, @Nullable SpanContext parent, Instant startTime,
        Fields attributes) {
}
