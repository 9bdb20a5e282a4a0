package dev.observability.autoconfigure.aot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * An application's own adapter for the AOT tests, a bean declared in a configuration class (AOT generates code for
 * bean methods, not for a bean's instance supplier): it keeps the names of the counters and the messages it receives,
 * called inline so a test reads them as soon as the recording returns.
 */
public class CountingAdapter implements MetricsAdapter, LoggingAdapter {

    /** The counters' names received, in order. */
    public final List<String> counters = new CopyOnWriteArrayList<>();

    /** The log messages received, in order. */
    public final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        this.counters.add(metric.name());
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
        this.messages.add(String.valueOf(event.message()));
    }
}
