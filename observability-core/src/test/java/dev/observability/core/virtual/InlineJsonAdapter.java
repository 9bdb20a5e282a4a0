package dev.observability.core.virtual;

import java.io.OutputStream;
import java.time.Duration;

import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * The JSON logger and a metrics adapter that keeps nothing, both called on the recording thread, so that every event
 * a measured call records is delivered there and none is dropped by a full queue (which would make the figures
 * depend on how fast the call runs).
 */
final class InlineJsonAdapter implements LoggingAdapter, MetricsAdapter {

    private final JsonLoggingAdapter json = new JsonLoggingAdapter(OutputStream.nullOutputStream());

    @Override
    public String name() {
        return "inline-json";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void log(LogEvent event) {
        this.json.log(event);
    }

    @Override
    public void counter(MetricId metric, double amount) {
    }

    @Override
    public void gauge(MetricId metric, double value) {
    }

    @Override
    public void histogram(MetricId metric, double value) {
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
    }
}
