package dev.observability.benchmarks;

import java.time.Instant;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;

/**
 * A custom backend as an application declares one: a bean receiving metrics, spans and logs on the lane the starter
 * gives adapters it did not write (ASYNC, the default). It takes each event, counts it and returns, so what a
 * benchmark measures is the starter's cost, not a backend's.
 */
final class CustomAdapter extends CountingMetricsAdapter implements TracingAdapter, LoggingAdapter {

    static final String NAME = "custom";

    private static final AdapterSpan SPAN = (Instant endTime) -> {
    };

    CustomAdapter() {
        super(NAME);
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        count();
        return SPAN;
    }

    @Override
    public void log(LogEvent event) {
        count();
    }
}
