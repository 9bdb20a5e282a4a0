package dev.observability.autoconfigure.prometheus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.observability.core.metrics.MetricId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Admits at most a fixed number of label sets per metric name, and at most a fixed number of metric names, so the
 * meters an adapter keeps stay bounded whatever the input. The first refusal of each metric name (and the first
 * refusal for the name limit) is written to the application log; later ones are only counted by the caller.
 */
final class CardinalityGuard {

    private static final Log logger = LogFactory.getLog(CardinalityGuard.class);

    private final String adapterName;

    private final int maxLabelSetsPerName;

    private final int maxNames;

    private final ConcurrentHashMap<String, Budget> budgets = new ConcurrentHashMap<>();

    private final AtomicInteger names = new AtomicInteger();

    private final AtomicBoolean namesLimitLogged = new AtomicBoolean();

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
     * Takes one label set from the metric name's budget. Call it once per new metric identity.
     * @param metric a metric identity not seen before
     * @return {@code false} when the name has no label set left, or is new and no name is left
     */
    boolean admit(MetricId metric) {
        Budget budget = this.budgets.get(metric.name());
        if (budget == null) {
            budget = newBudget(metric);
            if (budget == null) {
                return false;
            }
        }
        return budget.take(metric);
    }

    private Budget newBudget(MetricId metric) {
        if (this.names.incrementAndGet() > this.maxNames) {
            this.names.decrementAndGet();
            if (this.namesLimitLogged.compareAndSet(false, true)) {
                logger.warn("Adapter '" + this.adapterName + "' has " + this.maxNames + " metric names, its limit; "
                        + "metrics with new names (first: '" + metric.name() + "') are refused and counted as "
                        + "refusals with reason cardinality.");
            }
            return null;
        }
        Budget created = new Budget();
        Budget existing = this.budgets.putIfAbsent(metric.name(), created);
        if (existing != null) {
            this.names.decrementAndGet();
            return existing;
        }
        return created;
    }

    /** @return the number of metric names admitted so far */
    int names() {
        return this.names.get();
    }

    /**
     * One metric name's label sets: how many are taken, and whether the refusal was logged.
     */
    private final class Budget {

        private final AtomicInteger taken = new AtomicInteger();

        private final AtomicBoolean refusalLogged = new AtomicBoolean();

        boolean take(MetricId metric) {
            int current;
            do {
                current = this.taken.get();
                if (current >= CardinalityGuard.this.maxLabelSetsPerName) {
                    logRefusalOnce(metric);
                    return false;
                }
            }
            while (!this.taken.compareAndSet(current, current + 1));
            return true;
        }

        private void logRefusalOnce(MetricId metric) {
            if (this.refusalLogged.compareAndSet(false, true)) {
                logger.warn("Adapter '" + CardinalityGuard.this.adapterName + "': metric '" + metric.name()
                        + "' has " + CardinalityGuard.this.maxLabelSetsPerName
                        + " label sets, its limit; recordings with new label sets are refused and counted as "
                        + "refusals with reason cardinality (label keys: " + String.join(", ",
                                metric.labels().asMap().keySet())
                        + "). Remove unbounded values (ids, URLs, user input) from the labels, or raise the limit "
                        + "(observability.prometheus.cardinality.* for the Prometheus adapter).");
            }
        }
    }
}
