package dev.observability.core.internal.metrics;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The metrics signal's recorder: records a value looked up by name and labels (through the {@link SeriesCache},
 * nothing at all while metrics are switched off), binds the pre-bound handles over every metrics lane, and makes the
 * {@link MetricsFeed}s that reach only the lanes a bridge chooses. Whatever the way in, a metric is checked, refused
 * and counted by the same {@link MetricHandles}.
 */
public final class MetricRecorder {

    private final LaneRegistry registry;

    private final Supplier<AdapterLane[]> allLanes;

    private final SeriesCache series;

    /** @param registry the lanes, with the signal switch, the refusal counts and the redaction rule */
    public MetricRecorder(LaneRegistry registry) {
        this.registry = registry;
        this.allLanes = registry::metricsLanes;
        this.series = new SeriesCache(registry, this.allLanes);
    }

    /**
     * @param name the counter's name
     * @param amount the amount to add
     * @param labels its labels
     */
    public void counter(@Nullable String name, double amount, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(name, labels).increment(amount);
        }
    }

    /**
     * @param metric the counter, with its description or base unit
     * @param amount the amount to add
     * @param labels its labels
     */
    public void counter(@Nullable Metric metric, double amount, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).increment(amount);
        }
    }

    /**
     * @param name the gauge's name
     * @param value the value
     * @param labels its labels
     */
    public void gauge(@Nullable String name, double value, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(name, labels).set(value);
        }
    }

    /**
     * @param metric the gauge, with its description or base unit
     * @param value the value
     * @param labels its labels
     */
    public void gauge(@Nullable Metric metric, double value, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).set(value);
        }
    }

    /**
     * @param name the histogram's name
     * @param value the value
     * @param labels its labels
     */
    public void histogram(@Nullable String name, double value, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(name, labels).record(value);
        }
    }

    /**
     * @param metric the histogram, with its description or base unit
     * @param value the value
     * @param labels its labels
     */
    public void histogram(@Nullable Metric metric, double value, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).record(value);
        }
    }

    /**
     * @param name the timing's name
     * @param duration the duration
     * @param labels its labels
     */
    public void timing(@Nullable String name, @Nullable Duration duration, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(name, labels).record(duration);
        }
    }

    /**
     * @param metric the timing, with its description
     * @param duration the duration
     * @param labels its labels
     */
    public void timing(@Nullable Metric metric, @Nullable Duration duration, @Nullable Labels labels) {
        if (this.registry.isOn(Signal.METRICS)) {
            this.series.handle(metric, labels).record(duration);
        }
    }

    /**
     * @param name the counter's name
     * @param labels its labels
     * @return a handle over every metrics lane; one that refuses every recording when the name or labels are invalid
     */
    public CounterHandle counterHandle(@Nullable String name, @Nullable Labels labels) {
        return MetricHandles.bindNamed(this.registry, this.allLanes, name, labels);
    }

    /**
     * @param metric the counter, with its description or base unit
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public CounterHandle counterHandle(@Nullable Metric metric, @Nullable Labels labels) {
        return MetricHandles.bind(this.registry, this.allLanes, metric, labels);
    }

    /**
     * @param name the gauge's name
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(@Nullable String name, @Nullable Labels labels) {
        return MetricHandles.bindNamed(this.registry, this.allLanes, name, labels);
    }

    /**
     * @param metric the gauge, with its description or base unit
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public GaugeHandle gaugeHandle(@Nullable Metric metric, @Nullable Labels labels) {
        return MetricHandles.bind(this.registry, this.allLanes, metric, labels);
    }

    /**
     * @param name the histogram's name
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(@Nullable String name, @Nullable Labels labels) {
        return MetricHandles.bindNamed(this.registry, this.allLanes, name, labels);
    }

    /**
     * @param metric the histogram, with its description or base unit
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public HistogramHandle histogramHandle(@Nullable Metric metric, @Nullable Labels labels) {
        return MetricHandles.bind(this.registry, this.allLanes, metric, labels);
    }

    /**
     * @param name the timing's name
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(@Nullable String name, @Nullable Labels labels) {
        return MetricHandles.bindNamed(this.registry, this.allLanes, name, labels);
    }

    /**
     * @param metric the timing, with its description
     * @param labels its labels
     * @return a handle over every metrics lane (see {@link #counterHandle(String, Labels)})
     */
    public TimingHandle timingHandle(@Nullable Metric metric, @Nullable Labels labels) {
        return MetricHandles.bind(this.registry, this.allLanes, metric, labels);
    }

    /**
     * @param accepts which metrics adapters the feed reaches
     * @return a feed into the metrics lanes of those adapters, now and registered later
     */
    public MetricsFeed feed(Predicate<? super MetricsAdapter> accepts) {
        return new FilteredMetricsFeed(this.registry, accepts);
    }
}
