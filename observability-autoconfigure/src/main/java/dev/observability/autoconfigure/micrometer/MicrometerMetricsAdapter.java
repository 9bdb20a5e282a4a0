package dev.observability.autoconfigure.micrometer;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import dev.observability.autoconfigure.adapter.MicrometerNative;
import dev.observability.autoconfigure.micrometer.SeriesTable.Series;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterRefusals;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Refusals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A metrics adapter that records into any Micrometer {@link MeterRegistry}: a counter becomes a {@link Counter}, a
 * gauge a {@link Gauge} that keeps the last value set, a histogram a {@link DistributionSummary}, a timing a
 * {@link Timer}. Names and labels are passed in Micrometer's dotted convention and the registry renders them in its
 * own ({@code orders.placed} becomes {@code orders_placed_total} in Prometheus). A meter gets the metric's
 * {@linkplain MetricId#description() description} and {@linkplain MetricId#baseUnit() base unit} when the application
 * gave them, and none otherwise; they are those of the series' first recording, which registers the meter (a later
 * recording with other ones does not change it, as Micrometer keeps a meter's first registration). Percentiles,
 * histogram buckets and SLO boundaries are the registry's meter filters' to decide (in a Boot application,
 * {@code management.metrics.distribution.*}), as for every other meter of the registry.
 * <p>
 * Meters are created once per {@link MetricId} and kept in a {@code SeriesTable}, so a recording is a look-up
 * without lock or allocation and the meter's own update. What the adapter keeps per series is small (about 40
 * bytes): the table holds the meter and the tags it was registered with, which the registry keeps anyway, and equal
 * labels share one {@link Tags}. A cardinality guard bounds the meters: a metric name gets at most
 * {@link MicrometerAdapterSettings#maxLabelSetsPerMetric()} label sets and the adapter at most
 * {@link MicrometerAdapterSettings#maxMetricNames()} names; a recording beyond them is refused, counted in the
 * manager's refusals as {@link InputRefusal#CARDINALITY}, and logged once per metric name. A meter the registry will
 * not create (the name is used by a meter of another type, or Prometheus wants the same label keys for every meter of
 * a name) is removed from the registry again, and its recordings are refused as {@link InputRefusal#INVALID_NAME} or
 * {@link InputRefusal#INVALID_LABELS}; the first is logged.
 * The lane counts such a recording as delivered: the adapter received it and decided.
 * <p>
 * Registries are in memory, so the adapter asks for {@link DispatchMode#INLINE} dispatch. The adapter is
 * {@link MicrometerNative}: it writes to Micrometer, so the Micrometer bridge never feeds it (if its registry is
 * joined to the application's, it would otherwise be fed its own recordings back).
 * <p>
 * Open for subclasses that name a specific backend (see
 * {@link dev.observability.autoconfigure.prometheus.PrometheusMetricsAdapter}) and may add to the health what the
 * registry's pushes did; the recording methods are final.
 * <p>
 * Each kind of meter has its recording, its creation and its refusal next to each other; the series table and the
 * cardinality guard are classes of their own.
 */
public class MicrometerMetricsAdapter implements MetricsAdapter, AdapterRefusals, MicrometerNative {

    private static final Log logger = LogFactory.getLog(MicrometerMetricsAdapter.class);

    /** The number of tags kept for sharing, a power of two. */
    private static final int RECENT_TAGS = 64;

    private final String name;

    private final MeterRegistry registry;

    private final CardinalityGuard guard;

    private final SeriesTable series = new SeriesTable();

    /**
     * Held while a series is created, one at a time: a lock rather than a monitor, since creating one registers a
     * meter, which runs the registry's own lock and listeners, on whatever thread recorded the metric first.
     */
    private final ReentrantLock creating = new ReentrantLock();

    /** The most recently built tags by the hash of their labels, so equal labels share one {@link Tags}. */
    private final @Nullable RecentTags[] recentTags = new RecentTags[RECENT_TAGS];

    private final LongAdder refused = new LongAdder();

    private final ThreadLocal<@Nullable RegistrationFailure> registering = new ThreadLocal<>();

    private volatile @Nullable Refusals refusals;

    /**
     * @param name the adapter's name
     * @param registry the registry to record into
     */
    public MicrometerMetricsAdapter(String name, MeterRegistry registry) {
        this(name, registry, MicrometerAdapterSettings.DEFAULTS);
    }

    /**
     * @param name the adapter's name
     * @param registry the registry to record into
     * @param settings the cardinality limits
     */
    public MicrometerMetricsAdapter(String name, MeterRegistry registry, MicrometerAdapterSettings settings) {
        this.name = name;
        this.registry = registry;
        this.guard = new CardinalityGuard(name, settings.maxLabelSetsPerMetric(), settings.maxMetricNames());
        registry.config().onMeterRegistrationFailed(this::registrationFailed);
    }

    @Override
    public final String name() {
        return this.name;
    }

    @Override
    public final DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public final void countRefusalsIn(Refusals refusals) {
        this.refusals = refusals;
    }

    public final MeterRegistry registry() {
        return this.registry;
    }

    @Override
    public final void counter(MetricId metric, double amount) {
        if (meter(metric, Kind.COUNTER) instanceof Counter counter) {
            counter.increment(amount);
        }
    }

    @Override
    public final void gauge(MetricId metric, double value) {
        if (meter(metric, Kind.GAUGE) instanceof GaugeValue gauge) {
            gauge.set(value);
        }
    }

    @Override
    public final void histogram(MetricId metric, double value) {
        if (meter(metric, Kind.HISTOGRAM) instanceof DistributionSummary summary) {
            summary.record(value);
        }
    }

    @Override
    public final void timing(MetricId metric, Duration duration) {
        if (meter(metric, Kind.TIMING) instanceof Timer timer) {
            timer.record(duration);
        }
    }

    /**
     * @return the adapter's health: up, with the number of meters and of refused recordings (a subclass whose
     * registry pushes to a backend adds what its pushes did)
     */
    @Override
    public AdapterHealth health() {
        return AdapterHealth.up().withDetail("meters", this.series.size()).withDetail("refused", this.refused.sum());
    }

    private @Nullable Object meter(MetricId metric, Kind kind) {
        Series series = this.series.find(metric);
        if (series == null) {
            series = create(metric, kind);
            if (series == null) {
                refuse(InputRefusal.CARDINALITY);
                return null;
            }
        }
        Object meter = series.meter();
        if (meter instanceof Conflict conflict) {
            refuse(conflict.reason());
            return null;
        }
        if (!kind.isKindOf(meter)) {
            refuse(InputRefusal.INVALID_NAME);
            return null;
        }
        return meter;
    }

    /**
     * Creates the metric's series, one thread at a time, unless the guard refuses it; returns the series another
     * thread created meanwhile.
     * @return the series, or {@code null} when the guard refuses it
     */
    private @Nullable Series create(MetricId metric, Kind kind) {
        if (this.guard.refuses(metric)) {
            // the guard may be full because another thread added this very series since this one looked: the
            // table has it then (series are never removed), and only a label set that is really new is refused
            return this.series.find(metric);
        }
        this.creating.lock();
        try {
            Series series = this.series.find(metric);
            if (series == null && this.guard.admit(metric)) {
                RecentTags tags = sharedTagsOf(metric.labels());
                series = new Series(metric, tags.array(), register(metric, kind, tags.tags()));
                this.series.add(series);
            }
            return series;
        }
        finally {
            this.creating.unlock();
        }
    }

    /** Builds the tags, or takes those built last for equal labels. Called under the creation lock. */
    private RecentTags sharedTagsOf(Labels labels) {
        int slot = labels.hashCode() & (RECENT_TAGS - 1);
        RecentTags recent = this.recentTags[slot];
        if (recent == null || !recent.labels().equals(labels)) {
            Tag[] array = tagArrayOf(labels);
            recent = new RecentTags(labels, array, Tags.of(array));
            this.recentTags[slot] = recent;
        }
        return recent;
    }

    /**
     * Registers the meter, or returns a {@link Conflict} when the registry will not create it.
     */
    private Object register(MetricId metric, Kind kind, Tags tags) {
        RegistrationFailure failure = new RegistrationFailure();
        this.registering.set(failure);
        Object meter;
        try {
            meter = newMeter(metric, kind, tags);
        }
        catch (RuntimeException ex) {
            failure.reason = String.valueOf(ex.getMessage());
            meter = null;
        }
        finally {
            this.registering.remove();
        }
        if (failure.reason == null && meter != null) {
            return meter;
        }
        if (failure.id != null) {
            this.registry.remove(failure.id);
        }
        boolean otherType = this.registry.find(metric.name()).meters().stream()
            .anyMatch((other) -> !kind.isKindOf(other));
        InputRefusal reason = otherType ? InputRefusal.INVALID_NAME : InputRefusal.INVALID_LABELS;
        logger.warn("Adapter '" + this.name + "' cannot record " + kind.description + " '" + metric.name()
                + "' with label keys " + metric.labels().asMap().keySet() + ": " + SafeText.clean(String.valueOf(failure.reason))
                + " Its recordings are refused and counted as refusals with reason " + reason.tagValue() + ".");
        return new Conflict(reason);
    }

    private void registrationFailed(Meter.Id id, String reason) {
        RegistrationFailure failure = this.registering.get();
        if (failure != null) {
            failure.id = id;
            failure.reason = reason;
        }
    }

    /**
     * Builds and registers the meter with the metric's description and base unit when it has them (none otherwise, as
     * Micrometer's builders); a timer's unit is the registry's base time unit.
     */
    private Object newMeter(MetricId metric, Kind kind, Tags tags) {
        String name = metric.name();
        @Nullable String description = metric.description();
        @Nullable String baseUnit = metric.baseUnit();
        return switch (kind) {
            case COUNTER -> Counter.builder(name).description(description).baseUnit(baseUnit).tags(tags)
                .register(this.registry);
            case GAUGE -> {
                GaugeValue value = new GaugeValue();
                Gauge.builder(name, value, GaugeValue::get).description(description).baseUnit(baseUnit).tags(tags)
                    .strongReference(true).register(this.registry);
                yield value;
            }
            case HISTOGRAM -> DistributionSummary.builder(name).description(description).baseUnit(baseUnit).tags(tags)
                .register(this.registry);
            case TIMING -> Timer.builder(name).description(description).tags(tags).register(this.registry);
        };
    }

    private void refuse(InputRefusal reason) {
        this.refused.increment();
        Refusals counts = this.refusals;
        if (counts != null) {
            counts.refuse(reason);
        }
    }

    /**
     * @param labels the manager's labels
     * @return the same entries as Micrometer tags, in the labels' order (by key)
     */
    private static Tag[] tagArrayOf(Labels labels) {
        Tag[] tags = new Tag[labels.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = Tag.of(labels.key(i), labels.value(i));
        }
        return tags;
    }

    /**
     * The four kinds of meter, with the Micrometer type each is recorded as.
     */
    private enum Kind {

        COUNTER("counter", Counter.class), GAUGE("gauge", GaugeValue.class),
        HISTOGRAM("histogram", DistributionSummary.class), TIMING("timing", Timer.class);

        private final String description;

        private final Class<?> type;

        Kind(String description, Class<?> type) {
            this.description = description;
            this.type = type;
        }

        boolean isKindOf(Object meter) {
            return this.type.isInstance(meter) || (this == GAUGE && meter instanceof Gauge);
        }
    }

    /**
     * The value a gauge reports: the last one set.
     */
    private static final class GaugeValue {

        private volatile double value = Double.NaN;

        void set(double value) {
            this.value = value;
        }

        double get() {
            return this.value;
        }
    }

    /**
     * What the registry said while this thread registered a meter: Micrometer reports a refused registration to
     * listeners (and hands back a meter that is not exported) rather than throwing.
     */
    private static final class RegistrationFailure {

        private Meter.@Nullable Id id;

        private @Nullable String reason;
    }

    /**
     * Tags built for labels, kept to be shared by the next series with equal labels.
     *
     * @param array the same entries as Micrometer tags, sorted by key
     * @param tags Micrometer's tags over that array
     */
    private record RecentTags(Labels labels, Tag[] array, Tags tags) {
    }

    /**
     * Stands in the table for a metric the registry would not create, so its recordings are refused cheaply.
     */
    private record Conflict(InputRefusal reason) {
    }
}
