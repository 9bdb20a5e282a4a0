package dev.observability.core.spi;

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
}
