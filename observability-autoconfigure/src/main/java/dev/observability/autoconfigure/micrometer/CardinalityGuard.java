package dev.observability.autoconfigure.micrometer;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.observability.core.spi.MetricId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Admits at most a fixed number of label sets per metric name, and at most a fixed number of metric names, so the
 * meters an adapter keeps stay bounded whatever the input. The first refusal of each metric name (and the first
 * refusal for the name limit) is written to the application log; later ones are only counted by the caller.
 * <p>
 * It keeps one count per metric name and nothing per label set: the names and their counts sit side by side in two
 * arrays (open addressing), about 16 bytes a name. {@link #refuses(MetricId)} reads them without a lock, so a flood
 * of label sets beyond a limit is refused without contention; {@link #admit(MetricId)} takes one label set under the
 * guard's lock.
 */
final class CardinalityGuard {

    private static final Log logger = LogFactory.getLog(CardinalityGuard.class);

    private static final int INITIAL_SLOTS = 64;

    private final String adapterName;

    private final int maxLabelSetsPerName;

    private final int maxNames;

    /** The names and their counts; replaced by a larger table, under the lock, when it fills. */
    private volatile Budgets budgets = new Budgets(INITIAL_SLOTS);

    private volatile int names;

    private volatile boolean namesLimitLogged;

    /**
     * @param adapterName the adapter's name, for the log
     * @param maxLabelSetsPerName the most label sets one metric name may have
     * @param maxNames the most metric names
     */
    CardinalityGuard(String adapterName, int maxLabelSetsPerName, int maxNames) {
        this.adapterName = adapterName;
        this.maxLabelSetsPerName = maxLabelSetsPerName;
        this.maxNames = maxNames;
    }

    /**
     * Whether a new label set of the metric would be refused, read without a lock; logs the first refusal of each
     * name. {@link #admit(MetricId)} decides for good.
     * @param metric a metric identity not seen before
     * @return {@code true} when the metric's name has no label set left, or is new and no name is left
     */
    boolean refuses(MetricId metric) {
        int taken = this.budgets.taken(metric.name());
        if (taken < 0) {
            if (this.names < this.maxNames) {
                return false;
            }
            logNameLimitOnce(metric);
            return true;
        }
        if (taken < this.maxLabelSetsPerName) {
            return false;
        }
        logLabelSetLimitOnce(metric);
        return true;
    }

    /**
     * Takes one label set from the metric name's budget. Call it once per new metric identity.
     * @param metric a metric identity not seen before
     * @return {@code false} when the name has no label set left, or is new and no name is left
     */
    boolean admit(MetricId metric) {
        Refusal refusal = take(metric);
        if (refusal == Refusal.NAMES) {
            logNameLimitOnce(metric);
        }
        else if (refusal == Refusal.LABEL_SETS) {
            logLabelSetLimitOnce(metric);
        }
        return refusal == Refusal.NONE;
    }

    /** Takes the budget under the lock; the caller logs a refusal after, so no thread waits for a log write. */
    private synchronized Refusal take(MetricId metric) {
        Budgets table = this.budgets;
        int slot = table.slotOf(metric.name());
        if (slot < 0) {
            if (this.names >= this.maxNames) {
                return Refusal.NAMES;
            }
            if ((this.names + 1) * 4 > table.length() * 3) {
                table = table.doubled();
                this.budgets = table;
            }
            table.add(metric.name(), 1);
            this.names = this.names + 1;
            return Refusal.NONE;
        }
        int taken = table.taken(slot);
        if (taken >= this.maxLabelSetsPerName) {
            return Refusal.LABEL_SETS;
        }
        table.setTaken(slot, taken + 1);
        return Refusal.NONE;
    }

    /** @return the number of metric names admitted so far */
    int names() {
        return this.names;
    }

    /** Logs the first refusal for the name limit. */
    private void logNameLimitOnce(MetricId metric) {
        if (!this.namesLimitLogged && claimNameLimitLog()) {
            logger.warn("Adapter '" + this.adapterName + "' has " + this.maxNames + " metric names, its "
                    + "limit; metrics with new names (first: '" + metric.name() + "') are refused and "
                    + "counted as refusals with reason cardinality.");
        }
    }

    private synchronized boolean claimNameLimitLog() {
        boolean first = !this.namesLimitLogged;
        this.namesLimitLogged = true;
        return first;
    }

    /**
     * Logs the first refusal of a name's label set. The name's count then goes one past the limit, which marks the
     * refusal as logged.
     */
    private void logLabelSetLimitOnce(MetricId metric) {
        if (this.budgets.taken(metric.name()) == this.maxLabelSetsPerName && claimLabelSetLimitLog(metric.name())) {
            logger.warn("Adapter '" + this.adapterName + "': metric '" + metric.name() + "' has "
                    + this.maxLabelSetsPerName + " label sets, its limit; recordings with new label sets "
                    + "are refused and counted as refusals with reason cardinality (label keys: "
                    + String.join(", ", metric.labels().asMap().keySet()) + "). Remove unbounded values "
                    + "(ids, URLs, user input) from the labels, or raise the limit "
                    + "(the adapter's cardinality.* properties, such as observability.prometheus.cardinality.*).");
        }
    }

    private synchronized boolean claimLabelSetLimitLog(String name) {
        Budgets table = this.budgets;
        int slot = table.slotOf(name);
        if (table.taken(slot) != this.maxLabelSetsPerName) {
            return false;
        }
        table.setTaken(slot, this.maxLabelSetsPerName + 1);
        return true;
    }

    /** Why {@link #take} refused a metric, or that it did not. */
    private enum Refusal {

        NONE, NAMES, LABEL_SETS

    }

    /**
     * Metric names and the label sets each has taken, in two arrays side by side: read by any thread, written by
     * the guard under its lock.
     */
    private static final class Budgets {

        private final AtomicReferenceArray<@Nullable String> names;

        private final AtomicIntegerArray taken;

        Budgets(int slots) {
            this.names = new AtomicReferenceArray<>(slots);
            this.taken = new AtomicIntegerArray(slots);
        }

        int length() {
            return this.names.length();
        }

        /** @return the label sets the name has taken, or -1 when it has none */
        int taken(String name) {
            int slot = slotOf(name);
            return (slot >= 0) ? this.taken.getAcquire(slot) : -1;
        }

        int taken(int slot) {
            return this.taken.getAcquire(slot);
        }

        void setTaken(int slot, int count) {
            this.taken.setRelease(slot, count);
        }

        /** @return the name's slot, or -1 when the name has none */
        int slotOf(String name) {
            int mask = length() - 1;
            for (int i = SeriesTable.home(name.hashCode(), mask);; i = (i + 1) & mask) {
                String held = this.names.getAcquire(i);
                if (held == null) {
                    return -1;
                }
                if (held.equals(name)) {
                    return i;
                }
            }
        }

        /** Adds a name that has no slot; the count is written before the name, so readers never see a name early. */
        void add(String name, int count) {
            int mask = length() - 1;
            int i = SeriesTable.home(name.hashCode(), mask);
            while (this.names.getPlain(i) != null) {
                i = (i + 1) & mask;
            }
            this.taken.setRelease(i, count);
            this.names.setRelease(i, name);
        }

        Budgets doubled() {
            Budgets larger = new Budgets(length() * 2);
            for (int i = 0; i < length(); i++) {
                String name = this.names.getPlain(i);
                if (name != null) {
                    larger.add(name, this.taken.getPlain(i));
                }
            }
            return larger;
        }
    }
}
