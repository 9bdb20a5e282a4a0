package dev.observability.core;

import java.util.Arrays;
import java.util.function.Predicate;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricsAdapter;

/**
 * The metrics lanes of the adapters a filter accepts, for a bridge that feeds the manager from a source some
 * adapters already read by themselves (the Micrometer bridge skips the adapters that read Micrometer natively, so
 * each event reaches each adapter once). Its handles validate, refuse and count exactly like the manager's; adapters
 * registered later are picked up.
 */
public final class MetricsFeed {

    private final LaneRegistry registry;

    private final Predicate<? super MetricsAdapter> accepts;

    private volatile Selection selection = new Selection(new AdapterLane[0], new AdapterLane[0]);

    MetricsFeed(LaneRegistry registry, Predicate<? super MetricsAdapter> accepts) {
        this.registry = registry;
        this.accepts = accepts;
    }

    /**
     * @param name the counter's name
     * @param labels its labels
     * @return a pre-bound counter handle that records into the accepted adapters only
     */
    public CounterHandle counterHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.registry, this::lanes, name, labels);
    }

    /**
     * @param name the gauge's name
     * @param labels its labels
     * @return a pre-bound gauge handle that records into the accepted adapters only
     */
    public GaugeHandle gaugeHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.registry, this::lanes, name, labels);
    }

    /**
     * @param name the histogram's name
     * @param labels its labels
     * @return a pre-bound histogram handle that records into the accepted adapters only
     */
    public HistogramHandle histogramHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.registry, this::lanes, name, labels);
    }

    /**
     * @param name the timing's name
     * @param labels its labels
     * @return a pre-bound timing handle that records into the accepted adapters only
     */
    public TimingHandle timingHandle(String name, Labels labels) {
        return MetricRecorder.bindNamed(this.registry, this::lanes, name, labels);
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
     * The manager's lanes as last seen, with the accepted subset: recomputed only when an adapter is registered.
     */
    private record Selection(AdapterLane[] all, AdapterLane[] accepted) {
    }
}
