package dev.observability.core.spi;

import java.util.function.Supplier;

/**
 * An adapter that receives spans. When the application ends a span, the adapter's lane delivers it as one event:
 * {@link #startSpan} with the span's start, then the attributes, events, exception and status on the returned
 * {@link AdapterSpan} in the order the application set them, then {@link AdapterSpan#end}. One span is one event in
 * the lane's account.
 */
public interface TracingAdapter extends ObservabilityAdapter {

    /**
     * Starts the adapter's span.
     * @param start the span's name, ids, parent, start time and initial attributes
     * @return the adapter's span
     */
    AdapterSpan startSpan(SpanStart start);

    /**
     * Starts the adapter's span for a manager span that carries its span context source's own span (see
     * {@link SpanStart#attachment()}), in place of {@link #startSpan(SpanStart)}: an adapter that needs only that
     * span and the start attributes (the OpenTelemetry adapter finishes the span the source started) overrides it,
     * and the manager then makes no start, start time or ids for it. The default calls {@link #startSpan(SpanStart)}
     * with the full start.
     * @param attachment the span context source's own span for this span
     * @param attributes the attributes given at start
     * @param start the full start, made when asked
     * @return the adapter's span
     */
    default AdapterSpan startSpan(Object attachment, Fields attributes, Supplier<SpanStart> start) {
        return startSpan(start.get());
    }
}
