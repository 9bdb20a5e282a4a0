package dev.observability.core.internal.metrics;

import java.util.Arrays;
import java.util.function.Predicate;

import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A {@link MetricsFeed} over the metrics lanes whose adapter a filter accepts: the accepted lanes are worked out again
 * only when the registry's metrics lanes change, so an adapter registered later is picked up.
 */
final class FilteredMetricsFeed implements MetricsFeed {

    private final LaneRegistry registry;

    private final Predicate<? super MetricsAdapter> accepts;

    private volatile Selection selection = new Selection(new AdapterLane[0], new AdapterLane[0]);

    FilteredMetricsFeed(LaneRegistry registry, Predicate<? super MetricsAdapter> accepts) {
        this.registry = registry;
        this.accepts = accepts;
    }

    @Override
    public CounterHandle counterHandle(String name, Labels labels) {
        return MetricHandles.bindNamed(this.registry, this::lanes, name, labels);
    }

    @Override
    public GaugeHandle gaugeHandle(String name, Labels labels) {
        return MetricHandles.bindNamed(this.registry, this::lanes, name, labels);
    }

    @Override
    public HistogramHandle histogramHandle(String name, Labels labels) {
        return MetricHandles.bindNamed(this.registry, this::lanes, name, labels);
    }

    @Override
    public TimingHandle timingHandle(String name, Labels labels) {
        return MetricHandles.bindNamed(this.registry, this::lanes, name, labels);
    }

    private AdapterLane[] lanes() {
        AdapterLane[] all = this.registry.metricsLanes();
        Selection current = this.selection;
        if (current.all != all) {
            current = new Selection(all, Arrays.stream(all)
                .filter((lane) -> this.accepts.test((MetricsAdapter) lane.adapter()))
                .toArray(AdapterLane[]::new));
            this.selection = current;
        }
        return current.accepted;
    }

    /**
     * The registry's metrics lanes as last seen, with the accepted subset: worked out again only when an adapter is
     * registered.
     */
    private record Selection(AdapterLane[] all, AdapterLane[] accepted) {
    }
}
