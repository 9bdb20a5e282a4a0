package dev.observability.fleet.instance;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A custom backend of metrics and logs (two signals, so that one can be switched off alone) behind its own lane,
 * asynchronous as for any adapter the project did not write. It counts the events of the metric {@value #WORK}, one for
 * each request of the test's traffic, and does nothing with the others.
 */
public class CountingAdapter implements MetricsAdapter, LoggingAdapter {

    /** The adapter's name: its key under {@code observability.adapters.*}. */
    public static final String NAME = "audit";

    /** The counter each request of the traffic adds one to. */
    public static final String WORK = "fleet.work";

    private final LongAdder work = new LongAdder();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        if (metric.name().equals(WORK)) {
            this.work.increment();
        }
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

    @Override
    public void log(LogEvent event) {
    }

    /** @return the {@value #WORK} events that reached the adapter */
    public long work() {
        return this.work.sum();
    }
}
