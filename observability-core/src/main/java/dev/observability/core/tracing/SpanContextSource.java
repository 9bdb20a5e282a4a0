package dev.observability.core.tracing;

import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
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

    /**
     * Starts the integration's own span for a new manager span, for an integration with spans of its own
     * (OpenTelemetry). The manager keeps the returned span on its own span, from the start until the span is
     * delivered, so the integration needs no map of the spans it started: the span comes back to
     * {@link #contextOf(Object)}, to {@link #makeAttachedCurrent(Object)} and, when the manager span ends, to
     * every tracing adapter as {@link SpanStart#attachment()}. The default starts nothing and returns {@code null};
     * the manager then calls {@link #start(String, SpanContext)}.
     * @param name the span's name
     * @param parent the new span's parent, or {@code null} for a new trace
     * @param startEpochNanos the manager's start time of the span, in nanoseconds since the epoch
     * @return the integration's span, or {@code null} when this source keeps nothing on manager spans
     */
    default @Nullable Object startAttached(String name, @Nullable SpanContext parent, long startEpochNanos) {
        return null;
    }

    /**
     * Gives the ids of a span this source started. The manager asks when someone needs the manager span's ids (a
     * log line inside it, a child, an adapter), and at the start through {@link #hasContext(Object)}, so an open span
     * keeps no ids of its own: the answer must not change over the span's life.
     * @param attachment a span {@link #startAttached} returned
     * @return its ids, or {@code null} when it has no valid W3C ids (a no-op SDK): the manager then makes its own ids
     * and keeps nothing
     */
    default @Nullable SpanContext contextOf(Object attachment) {
        return null;
    }

    /**
     * Tells whether a span this source started has valid W3C ids, without making them: the manager asks once at
     * the start, to keep the span or else drop it and make ids of its own. An integration that knows the answer
     * without making the ids (an OpenTelemetry span context's own {@code isValid()}) overrides it. The default asks
     * {@link #contextOf(Object)}.
     * @param attachment a span {@link #startAttached} returned
     * @return whether {@link #contextOf(Object)} gives ids for it
     */
    default boolean hasContext(Object attachment) {
        return contextOf(attachment) != null;
    }

    /**
     * Like {@link #makeCurrent(SpanContext)}, with the span {@link #startAttached} returned for this manager span.
     * The default calls {@link #makeCurrent(SpanContext)}.
     * @param span the ids of the manager span that became current on the calling thread
     * @param attachment the integration's span kept on the manager span, or {@code null}
     * @return the scope the manager closes, on the same thread, when the span stops being current
     */
    default Scope makeCurrent(SpanContext span, @Nullable Object attachment) {
        return makeCurrent(span);
    }

    /**
     * Like {@link #makeCurrent(SpanContext, Object)} for a manager span this source started ({@link #startAttached}),
     * returning the integration's own scope as it is: an integration whose scope is already an {@link AutoCloseable}
     * (an OpenTelemetry {@code Scope}) needs neither a wrapper nor the manager's ids per span. The manager closes it
     * on the same thread when the span stops being current, and ignores what its {@code close()} throws. The default
     * calls {@link #makeCurrent(SpanContext, Object)} with the ids {@link #contextOf} gives.
     * @param attachment the integration's span kept on the manager span that became current on the calling thread
     * @return what the manager closes when the span stops being current
     */
    default AutoCloseable makeAttachedCurrent(Object attachment) {
        SpanContext span = contextOf(attachment);
        return (span != null) ? makeCurrent(span, attachment) : Scope.NOOP;
    }
}
