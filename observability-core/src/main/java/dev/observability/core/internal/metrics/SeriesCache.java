package dev.observability.core.internal.metrics;

import java.util.function.Supplier;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.metrics.MetricHandles.MetricHandle;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import org.jspecify.annotations.Nullable;

/**
 * The handles of recently recorded series, so that the look-up-per-call methods
 * ({@code counter(name, amount, labels)} and the like) validate, redact and build a series' handle once rather than
 * on every call. A fixed table of {@value #SLOTS} slots indexed by the hash of (name, labels): a series whose slot is
 * taken by another replaces it. The cache therefore never holds more than {@value #SLOTS} handles, however many
 * distinct series the application records, and a hit allocates nothing. A cached handle behaves exactly like a new
 * one: it checks each value, counts refusals and reaches the adapters registered at the time of the call.
 */
final class SeriesCache {

    /** The number of slots, a power of two. */
    static final int SLOTS = 256;

    private final LaneRegistry registry;

    private final Supplier<AdapterLane[]> lanes;

    private final @Nullable Entry[] slots = new Entry[SLOTS];

    SeriesCache(LaneRegistry registry, Supplier<AdapterLane[]> lanes) {
        this.registry = registry;
        this.lanes = lanes;
    }

    /**
     * @param name the metric's name, as the application gave it
     * @param labels its labels, as the application gave them
     * @return the series' handle: cached, or bound now (without description or base unit) and cached
     */
    MetricHandle handle(@Nullable String name, @Nullable Labels labels) {
        return (name != null) ? handle(name, null, labels)
                : MetricHandles.bindNamed(this.registry, this.lanes, null, labels);
    }

    /**
     * @param metric the metric, as the application gave it
     * @param labels its labels, as the application gave them
     * @return the series' handle: cached for this metric (a handle bound for the same name and labels with another
     * description or base unit is not reused: adapters receive what each recording gives), or bound now and cached
     */
    MetricHandle handle(@Nullable Metric metric, @Nullable Labels labels) {
        return (metric != null) ? handle(metric.name(), metric, labels)
                : MetricHandles.bind(this.registry, this.lanes, null, labels);
    }

    private MetricHandle handle(String name, @Nullable Metric metric, @Nullable Labels labels) {
        if (labels == null) {
            return MetricHandles.bind(this.registry, this.lanes, metricOf(name, metric), null);
        }
        int hash = 31 * name.hashCode() + labels.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Entry entry = this.slots[slot];
        if (entry != null && entry.matches(name, metric, labels)) {
            return entry.handle();
        }
        MetricHandle handle = MetricHandles.bind(this.registry, this.lanes, metricOf(name, metric), labels);
        this.slots[slot] = new Entry(name, metric, labels, handle);
        return handle;
    }

    private static Metric metricOf(String name, @Nullable Metric metric) {
        return (metric != null) ? metric : Metric.named(name);
    }

    /** @return the number of series cached now (for tests) */
    int size() {
        int size = 0;
        for (Entry entry : this.slots) {
            size += (entry != null) ? 1 : 0;
        }
        return size;
    }

    /**
     * One cached series; immutable, so a slot can be read and replaced by any thread without a lock.
     *
     * @param metric the metric as the application gave it, or {@code null} when it gave a name only
     * @param handle the handle bound for them
     */
    private record Entry(String name, @Nullable Metric metric, Labels labels, MetricHandle handle) {

        boolean matches(String otherName, @Nullable Metric otherMetric, Labels otherLabels) {
            return (this.labels == otherLabels || this.labels.equals(otherLabels))
                    && (this.name == otherName || this.name.equals(otherName))
                    && (this.metric == otherMetric || (this.metric != null && this.metric.equals(otherMetric)));
        }
    }
}
