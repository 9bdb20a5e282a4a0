package dev.observability.core.adapters;

import java.time.Duration;

import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A metrics adapter that discards everything, for tests and for switching metrics off without removing code.
 */
public final class NoopMetricsAdapter extends NoopAdapter implements MetricsAdapter {

    /** Creates a no-op adapter named {@code noop-metrics}. */
    public NoopMetricsAdapter() {
        this("noop-metrics");
    }

    /** @param name the adapter's name */
    public NoopMetricsAdapter(String name) {
        super(name);
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
