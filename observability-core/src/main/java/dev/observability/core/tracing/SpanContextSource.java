package dev.observability.core.tracing;

import org.jspecify.annotations.Nullable;

/**
 * Where the manager's spans get their ids and their parent when no manager span is current on the thread. The
 * default makes random W3C ids and knows no outside context; an integration (OpenTelemetry, Micrometer Tracing)
 * supplies the span that is current in its own context, such as the HTTP server span of the request, so that
 * manager spans join the application's traces.
 */
public interface SpanContextSource {

    /** The default: random ids, no outside context. */
    SpanContextSource RANDOM = new SpanContextSource() {
    };

    /** @return the span current outside the manager on this thread, or {@code null} */
    default @Nullable SpanContext current() {
        return null;
    }

    /**
     * @param parent the new span's parent, or {@code null} for a new trace
     * @return the new span's ids: the parent's trace id (or a new one) and a new span id
     */
    default SpanContext newContext(@Nullable SpanContext parent) {
        return (parent != null) ? new SpanContext(parent.traceId(), SpanContext.randomSpanId(), parent.sampled())
                : new SpanContext(SpanContext.randomTraceId(), SpanContext.randomSpanId(), true);
    }
}
