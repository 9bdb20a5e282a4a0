package dev.observability.core.metrics;

import org.jspecify.annotations.Nullable;

/**
 * A metric's identity as adapters receive it: a validated name and valid labels, with the hash computed once, so
 * adapters can use it as a map key to cache their own meters.
 */
public final class MetricId {

    private final String name;

    private final Labels labels;

    private final int hash;

    /**
     * @param name a name that passed {@link MetricNames#problem(String)}
     * @param labels valid labels
     */
    public MetricId(String name, Labels labels) {
        this.name = name;
        this.labels = labels;
        this.hash = 31 * name.hashCode() + labels.hashCode();
    }

    /** @return the metric name, in Micrometer's dotted convention ({@code orders.placed}) */
    public String name() {
        return this.name;
    }

    /** @return the labels */
    public Labels labels() {
        return this.labels;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MetricId that && this.hash == that.hash && this.name.equals(that.name)
                && this.labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return this.hash;
    }

    @Override
    public String toString() {
        return this.name + this.labels;
    }
}
