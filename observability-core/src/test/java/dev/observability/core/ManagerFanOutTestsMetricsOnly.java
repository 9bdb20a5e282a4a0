package dev.observability.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A custom adapter that implements only metrics, as a user would.
 */
final class ManagerFanOutTestsMetricsOnly implements MetricsAdapter {

    final AtomicLong count = new AtomicLong();

    @Override
    public String name() {
        return "metrics-only";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        this.count.incrementAndGet();
    }

    @Override
    public void gauge(MetricId metric, double value) {
        this.count.incrementAndGet();
    }

    @Override
    public void histogram(MetricId metric, double value) {
        this.count.incrementAndGet();
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        this.count.incrementAndGet();
    }
}
