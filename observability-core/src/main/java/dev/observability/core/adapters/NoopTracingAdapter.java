package dev.observability.core.adapters;

import java.time.Instant;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;

/**
 * A tracing adapter that discards every span.
 */
public final class NoopTracingAdapter extends NoopAdapter implements TracingAdapter {

    private static final AdapterSpan NOOP_SPAN = (Instant endTime) -> {
    };

    /** Creates a no-op adapter named {@code noop-tracing}. */
    public NoopTracingAdapter() {
        this("noop-tracing");
    }

    /** @param name the adapter's name */
    public NoopTracingAdapter(String name) {
        super(name);
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        return NOOP_SPAN;
    }
}
