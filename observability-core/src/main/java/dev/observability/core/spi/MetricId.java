package dev.observability.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * A metric's identity as adapters receive it: a validated name and valid labels, with the hash computed once, so
 * adapters can use it as a map key to cache their own meters. It also carries the metric's optional
 * {@linkplain #description() description} and {@linkplain #baseUnit() base unit} as the application gave them (see
 * {@link Metric}); like Micrometer's {@code Meter.Id}, equality is the name and labels only.
 */
public final class MetricId {

    private final String name;

    private final Labels labels;

    private final Metric metric;

    private final int hash;

    /**
     * An identity without description or base unit.
     * @param name a name that passed the manager's metric name rules
     * @param labels valid labels
     */
    public MetricId(String name, Labels labels) {
        this(Metric.named(name), labels);
    }

    /**
     * @param metric a metric whose name passed the manager's metric name rules
     * @param labels valid labels
     */
    public MetricId(Metric metric, Labels labels) {
        this.name = metric.name();
        this.labels = labels;
        this.metric = metric;
        this.hash = 31 * this.name.hashCode() + labels.hashCode();
    }

    /** @return the metric name, in Micrometer's dotted convention ({@code orders.placed}) */
    public String name() {
        return this.name;
    }

    public Labels labels() {
        return this.labels;
    }

    /** @return what the metric measures, or {@code null} when the application gave no description */
    public @Nullable String description() {
        return this.metric.description();
    }

    /** @return the unit of the values, such as {@code bytes}, or {@code null} when the application gave none */
    public @Nullable String baseUnit() {
        return this.metric.baseUnit();
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
