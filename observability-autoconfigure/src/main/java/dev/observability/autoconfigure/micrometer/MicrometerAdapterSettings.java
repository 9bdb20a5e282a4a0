package dev.observability.autoconfigure.micrometer;

/**
 * The limits of a {@link MicrometerMetricsAdapter}. Percentiles, percentile histograms and SLO buckets are the
 * registry's: Boot's {@code management.metrics.distribution.*} applies to the adapter's meters as to every other.
 *
 * @param maxLabelSetsPerMetric the most label sets one metric name may have; recordings with more are refused
 * @param maxMetricNames the most metric names; recordings of further names are refused
 */
public record MicrometerAdapterSettings(int maxLabelSetsPerMetric, int maxMetricNames) {

    /** The default most label sets per metric name. */
    public static final int DEFAULT_MAX_LABEL_SETS_PER_METRIC = 1000;

    /** The default most metric names. */
    public static final int DEFAULT_MAX_METRIC_NAMES = 10_000;

    /** The default limits. */
    public static final MicrometerAdapterSettings DEFAULTS = new MicrometerAdapterSettings(
            DEFAULT_MAX_LABEL_SETS_PER_METRIC, DEFAULT_MAX_METRIC_NAMES);

    /**
     * Checks the limits.
     * @throws IllegalArgumentException when a limit is below 1
     */
    public MicrometerAdapterSettings {
        if (maxLabelSetsPerMetric < 1) {
            throw new IllegalArgumentException("the most label sets per metric must be 1 or more, was "
                    + maxLabelSetsPerMetric);
        }
        if (maxMetricNames < 1) {
            throw new IllegalArgumentException("the most metric names must be 1 or more, was " + maxMetricNames);
        }
    }
}
