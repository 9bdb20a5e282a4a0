package dev.observability.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A metrics adapter that records each call as text ({@code counter name{labels} 1.0}) and each identity it receives.
 */
public final class RecordingMetrics implements MetricsAdapter {

    /** What the adapter receives, in order, as text. */
    public final List<String> events = new CopyOnWriteArrayList<>();

    /** The identities received, in order, with their descriptions and base units. */
    public final List<MetricId> ids = new CopyOnWriteArrayList<>();

    private final String name;

    /** @param name the adapter's name */
    public RecordingMetrics(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        this.events.add("counter " + metric + " " + amount);
        this.ids.add(metric);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        this.events.add("gauge " + metric + " " + value);
        this.ids.add(metric);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        this.events.add("histogram " + metric + " " + value);
        this.ids.add(metric);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        this.events.add("timing " + metric + " " + duration);
        this.ids.add(metric);
    }
}
