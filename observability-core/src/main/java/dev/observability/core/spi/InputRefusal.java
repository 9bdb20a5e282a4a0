package dev.observability.core.spi;

/**
 * Why the manager refused a recording before it reached any adapter. Refusals never throw into the application;
 * each one is counted by reason (see {@link Refusals}, the manager's {@code refusals()}).
 */
public enum InputRefusal {

    /** A metric or span name that is null, blank, too long or has characters outside the allowed set. */
    INVALID_NAME,

    /** Labels built from a null, blank, malformed or too-long key, or a null or too-long value. */
    INVALID_LABELS,

    /** NaN, an infinity, a negative counter increment, or a negative histogram value or duration. */
    INVALID_VALUE,

    /** A metric name that already has the maximum number of distinct label sets. */
    CARDINALITY;

    /** The lower-case name used in tags and JSON ({@code invalid_name}, ...). */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
