package dev.observability.core.internal.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.dispatch.ValueDelivery;
import dev.observability.core.internal.redaction.LabelsRedactor;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Refusals;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Validates a metric once and returns the handle that records it: a handle bound to a {@link MetricId} (with the
 * metric's description and base unit, and the values of sensitive label keys masked) and to a set of lanes (every
 * metrics lane, or those of a {@link FilteredMetricsFeed}), or, when the name or labels break the rules, a handle
 * that refuses and counts every recording.
 */
final class MetricHandles {

    private static final ValueDelivery<MetricsAdapter, MetricId> COUNTER = MetricsAdapter::counter;

    private static final ValueDelivery<MetricsAdapter, MetricId> GAUGE = MetricsAdapter::gauge;

    private static final ValueDelivery<MetricsAdapter, MetricId> HISTOGRAM = MetricsAdapter::histogram;

    /** A timing given in nanoseconds: the {@link Duration} the adapter takes is made where the call runs. */
    private static final ValueDelivery<MetricsAdapter, MetricId> TIMING_NANOS =
            (adapter, id, nanos) -> adapter.timing(id, Duration.ofNanos((long) nanos));

    private MetricHandles() {
    }

    /**
     * @return a handle for every kind of metric: bound to the lanes when the name and labels are valid, refusing
     * otherwise
     */
    static MetricHandle bind(LaneRegistry registry, Supplier<AdapterLane[]> lanes, @Nullable Metric metric,
            @Nullable Labels labels) {
        if (metric == null || MetricNames.problem(metric.name()) != null) {
            return new Refusing(registry.refusals(), InputRefusal.INVALID_NAME);
        }
        if (labels == null || !labels.isValid()) {
            return new Refusing(registry.refusals(), InputRefusal.INVALID_LABELS);
        }
        return new Bound(registry, lanes, new MetricId(metric, LabelsRedactor.redact(registry.redaction(), labels)));
    }

    /**
     * @return a handle for the named metric, without description or base unit (see {@link #bind})
     */
    static MetricHandle bindNamed(LaneRegistry registry, Supplier<AdapterLane[]> lanes, @Nullable String name,
            @Nullable Labels labels) {
        return bind(registry, lanes, (name != null) ? Metric.named(name) : null, labels);
    }

    /**
     * A handle bound to one valid metric. Recording allocates nothing on the caller's thread: counters, gauges and
     * histograms submit a constant delivery with the id and the value as arguments; a timing given as a
     * {@link Duration} submits the handle itself as its delivery, with that duration as the subject; a timing given as
     * an amount and a unit (as Micrometer's timers record) submits its nanoseconds as the value, and the
     * {@code Duration} the adapter takes is made where the call runs (an ASYNC lane's worker). A value of type
     * {@code double} holds nanoseconds exactly up to 2^53 (104 days).
     */
    private static final class Bound implements MetricHandle, ValueDelivery<MetricsAdapter, Duration> {

        private final LaneRegistry registry;

        private final Supplier<AdapterLane[]> lanes;

        private final MetricId id;

        Bound(LaneRegistry registry, Supplier<AdapterLane[]> lanes, MetricId id) {
            this.registry = registry;
            this.lanes = lanes;
            this.id = id;
        }

        @Override
        public void increment(double amount) {
            if (!(amount >= 0 && amount != Double.POSITIVE_INFINITY)) {
                this.registry.refusals().refuse(InputRefusal.INVALID_VALUE);
                return;
            }
            if (this.registry.isOn(Signal.METRICS)) {
                for (AdapterLane lane : this.lanes.get()) {
                    lane.submit(Signal.METRICS, COUNTER, this.id, amount);
                }
            }
        }

        @Override
        public void set(double value) {
            if (!Double.isFinite(value)) {
                this.registry.refusals().refuse(InputRefusal.INVALID_VALUE);
                return;
            }
            if (this.registry.isOn(Signal.METRICS)) {
                for (AdapterLane lane : this.lanes.get()) {
                    lane.submit(Signal.METRICS, GAUGE, this.id, value);
                }
            }
        }

        @Override
        public void record(double value) {
            if (!(value >= 0 && value != Double.POSITIVE_INFINITY)) {
                this.registry.refusals().refuse(InputRefusal.INVALID_VALUE);
                return;
            }
            if (this.registry.isOn(Signal.METRICS)) {
                for (AdapterLane lane : this.lanes.get()) {
                    lane.submit(Signal.METRICS, HISTOGRAM, this.id, value);
                }
            }
        }

        @Override
        public void record(@Nullable Duration duration) {
            if (duration == null || duration.isNegative()) {
                this.registry.refusals().refuse(InputRefusal.INVALID_VALUE);
                return;
            }
            if (this.registry.isOn(Signal.METRICS)) {
                for (AdapterLane lane : this.lanes.get()) {
                    lane.submit(Signal.METRICS, this, duration, 0);
                }
            }
        }

        @Override
        public void record(long amount, @Nullable TimeUnit unit) {
            if (unit == null || amount < 0) {
                this.registry.refusals().refuse(InputRefusal.INVALID_VALUE);
                return;
            }
            if (this.registry.isOn(Signal.METRICS)) {
                double nanos = unit.toNanos(amount);
                for (AdapterLane lane : this.lanes.get()) {
                    lane.submit(Signal.METRICS, TIMING_NANOS, this.id, nanos);
                }
            }
        }

        /** Records a timing of this handle's metric: the handle is its own timing delivery. */
        @Override
        public void deliverTo(MetricsAdapter adapter, Duration duration, double unused) {
            adapter.timing(this.id, duration);
        }
    }

    /**
     * A handle for a metric whose name or labels broke the rules: every recording is refused and counted.
     */
    private static final class Refusing implements MetricHandle {

        private final Refusals refusals;

        private final InputRefusal reason;

        Refusing(Refusals refusals, InputRefusal reason) {
            this.refusals = refusals;
            this.reason = reason;
        }

        @Override
        public void increment(double amount) {
            this.refusals.refuse(this.reason);
        }

        @Override
        public void set(double value) {
            this.refusals.refuse(this.reason);
        }

        @Override
        public void record(double value) {
            this.refusals.refuse(this.reason);
        }

        @Override
        public void record(@Nullable Duration duration) {
            this.refusals.refuse(this.reason);
        }

        @Override
        public void record(long amount, @Nullable TimeUnit unit) {
            this.refusals.refuse(this.reason);
        }
    }

    /**
     * A handle of every kind; callers see it as the one kind they asked for.
     */
    interface MetricHandle extends CounterHandle, GaugeHandle, HistogramHandle, TimingHandle {
    }
}
