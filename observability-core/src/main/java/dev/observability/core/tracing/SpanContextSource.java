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

    /**
     * Starts the integration's side of a new manager span and returns the span's ids. An integration with spans of
     * its own (OpenTelemetry) starts one here, so that the manager span and its own span share their ids. The
     * default returns {@link #newContext(SpanContext)}.
     * @param name the span's name
     * @param parent the new span's parent, or {@code null} for a new trace
     * @return the new span's ids
     */
    default SpanContext start(String name, @Nullable SpanContext parent) {
        return newContext(parent);
    }

    /**
     * Makes a manager span current in the integration's own context as well, for as long as it is current in the
     * manager: from its start until it is closed, and inside each {@link Span#makeCurrent()} scope. Propagation and
     * log correlation of the integration then see the manager's span. The default does nothing.
     * @param span the ids of the manager span that became current on the calling thread
     * @return the scope the manager closes, on the same thread, when the span stops being current
     */
    default Scope makeCurrent(SpanContext span) {
        return Scope.NOOP;
    }
}
