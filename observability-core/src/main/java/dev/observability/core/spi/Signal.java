package dev.observability.core.spi;

/**
 * The four kinds of telemetry the manager routes.
 */
public enum Signal {

    /** Counters, gauges, histograms and timings. */
    METRICS,

    /** Spans. */
    TRACING,

    /** Health reports. */
    HEALTH,

    /** Structured log events. */
    LOGGING;

    /** The lower-case name used in tags, properties and JSON ({@code metrics}, {@code tracing}, ...). */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
