package dev.observability.core.spi;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A metric's name with what describes it: an optional description and base unit, as on Micrometer's meter builders.
 * Immutable; build it once, keep it in a constant and record with it as often as needed:
 * <pre>{@code
 * static final Metric ORDERS_PLACED = Metric.named("orders.placed").withDescription("Orders placed");
 * static final Metric PAYLOAD_SIZE = Metric.named("payload.size").withDescription("Request payloads")
 *         .withBaseUnit("bytes");
 *
 * manager.counter(ORDERS_PLACED, Labels.of("region", "eu"));
 * }</pre>
 * The description and base unit reach the adapters with every recording ({@link MetricId#description()},
 * {@link MetricId#baseUnit()}); they describe the metric and are not part of its identity. A backend registers a
 * series with those of its first recording and keeps them, as Micrometer keeps a meter's first registration: give
 * one name one description and unit. A timing's unit is the backend's time unit (Prometheus: seconds), whatever the
 * base unit says. A name that breaks the rules of metric names is refused by the manager when recorded, like
 * a plain name; only a {@code null} name is a programming error that throws. A blank description or unit means
 * none.
 */
public final class Metric {

    private final String name;

    private final @Nullable String description;

    private final @Nullable String baseUnit;

    private Metric(String name, @Nullable String description, @Nullable String baseUnit) {
        this.name = name;
        this.description = description;
        this.baseUnit = baseUnit;
    }

    /**
     * @param name the name, in Micrometer's dotted convention ({@code orders.placed})
     * @return a metric of that name, without description or base unit
     * @throws NullPointerException if the name is {@code null}
     */
    public static Metric named(String name) {
        return new Metric(Objects.requireNonNull(name, "name"), null, null);
    }

    /**
     * @param description what the metric measures (Prometheus shows it as the HELP text); {@code null} or blank for
     * none
     * @return this metric with that description
     */
    public Metric withDescription(@Nullable String description) {
        return new Metric(this.name, textOrNull(description), this.baseUnit);
    }

    /**
     * @param baseUnit the unit of the recorded values, such as {@code bytes} (Prometheus adds it to the name:
     * {@code payload_size_bytes}); {@code null} or blank for none; ignored by timings
     * @return this metric with that base unit
     */
    public Metric withBaseUnit(@Nullable String baseUnit) {
        return new Metric(this.name, this.description, textOrNull(baseUnit));
    }

    private static @Nullable String textOrNull(@Nullable String text) {
        return (text == null || text.isBlank()) ? null : Utf16.replaceLoneSurrogates(text);
    }

    public String name() {
        return this.name;
    }

    /** @return the description, or {@code null} when none was given */
    public @Nullable String description() {
        return this.description;
    }

    /** @return the base unit, or {@code null} when none was given */
    public @Nullable String baseUnit() {
        return this.baseUnit;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Metric that && Objects.equals(this.name, that.name)
                && Objects.equals(this.description, that.description) && Objects.equals(this.baseUnit, that.baseUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.name, this.description, this.baseUnit);
    }

    @Override
    public String toString() {
        return this.name + ((this.baseUnit != null) ? " [" + this.baseUnit + "]" : "")
                + ((this.description != null) ? " (" + this.description + ")" : "");
    }
}
