package dev.observability.autoconfigure.micrometer;

import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricId;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * The meters of a {@link MicrometerMetricsAdapter} by metric identity, kept small: one {@link Series} per metric
 * (its name, the array of {@link Tag}s the meter's {@link Tags} were built from, and the meter) in an open-addressing
 * table, rather than a map entry, a {@link MetricId} key and its {@link Labels} per metric. Micrometer's {@code Tags}
 * wraps a sorted array as given, so the registry keeps that array anyway. A look-up takes no lock and allocates
 * nothing; series are added by one thread at a time (the caller holds a lock) and never removed.
 */
final class SeriesTable {

    private static final int INITIAL_SLOTS = 64;

    private volatile AtomicReferenceArray<@Nullable Series> slots = new AtomicReferenceArray<>(INITIAL_SLOTS);

    private volatile int size;

    /**
     * @param metric a metric identity
     * @return its series, or {@code null} when it has none (or it is being added by another thread)
     */
    @Nullable Series find(MetricId metric) {
        AtomicReferenceArray<@Nullable Series> table = this.slots;
        int mask = table.length() - 1;
        int hash = metric.hashCode();
        for (int i = home(hash, mask);; i = (i + 1) & mask) {
            Series series = table.getAcquire(i);
            if (series == null || (series.hash == hash && series.matches(metric))) {
                return series;
            }
        }
    }

    /**
     * Adds a series whose metric has none yet. Callers add one at a time (under a lock of theirs).
     * @param series the new series
     */
    void add(Series series) {
        AtomicReferenceArray<@Nullable Series> table = this.slots;
        if ((this.size + 1) * 4 > table.length() * 3) {
            AtomicReferenceArray<@Nullable Series> larger = new AtomicReferenceArray<>(table.length() * 2);
            for (int i = 0; i < table.length(); i++) {
                Series existing = table.getPlain(i);
                if (existing != null) {
                    place(larger, existing);
                }
            }
            this.slots = larger;
            table = larger;
        }
        place(table, series);
        this.size = this.size + 1;
    }

    int size() {
        return this.size;
    }

    private static void place(AtomicReferenceArray<@Nullable Series> table, Series series) {
        int mask = table.length() - 1;
        int i = home(series.hash, mask);
        while (table.getPlain(i) != null) {
            i = (i + 1) & mask;
        }
        table.setRelease(i, series);
    }

    /** Spreads the hash over the table (Fibonacci hashing), so neighbouring hashes do not crowd neighbouring slots. */
    static int home(int hash, int mask) {
        int spread = hash * 0x9E3779B9;
        return (spread ^ (spread >>> 16)) & mask;
    }

    /**
     * One metric's entry: the meter recorded into, or what stands for it.
     */
    static final class Series {

        private final String name;

        private final Tag[] tags;

        private final Object meter;

        private final int hash;

        /**
         * @param metric the metric identity
         * @param tags its labels as Micrometer tags, sorted by key like the labels
         * @param meter the meter, or the object standing for it
         */
        Series(MetricId metric, Tag[] tags, Object meter) {
            this.name = metric.name();
            this.tags = tags;
            this.meter = meter;
            this.hash = metric.hashCode();
        }

        /** @return the meter, or the object standing for it */
        Object meter() {
            return this.meter;
        }

        /** Compares the labels with the tags entry by entry: both are sorted by key. */
        private boolean matches(MetricId metric) {
            Labels labels = metric.labels();
            if (labels.size() != this.tags.length || !this.name.equals(metric.name())) {
                return false;
            }
            for (int i = 0; i < this.tags.length; i++) {
                Tag tag = this.tags[i];
                if (!tag.getKey().equals(labels.key(i)) || !tag.getValue().equals(labels.value(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
