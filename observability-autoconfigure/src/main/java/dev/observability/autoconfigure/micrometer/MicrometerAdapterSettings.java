package dev.observability.autoconfigure.micrometer;

import dev.observability.core.settings.Range;

/**
 * The limits of a {@link MicrometerMetricsAdapter}. Percentiles, percentile histograms and SLO buckets are the
 * registry's: Boot's {@code management.metrics.distribution.*} applies to the adapter's meters as to every other.
 *
 * @param maxLabelSetsPerMetric the most label sets one metric name may have, from 1 to 100,000; recordings with more
 * are refused
 * @param maxMetricNames the most metric names, from 1 to 100,000; recordings of further names are refused
 */
public record MicrometerAdapterSettings(int maxLabelSetsPerMetric, int maxMetricNames) {

    /**
     * The limits accepted for each: every label set is a meter in the registry, and a backend that stores a hundred
     * thousand series of one name, or a hundred thousand names, from one application is already overwhelmed.
     */
    public static final Range<Integer> LIMIT_RANGE = Range.wholeNumbers(1, 100_000);

    /** The default most label sets per metric name. */
    public static final int DEFAULT_MAX_LABEL_SETS_PER_METRIC = 1000;

    /** The default most metric names. */
    public static final int DEFAULT_MAX_METRIC_NAMES = 10_000;

    /** The default limits. */
    public static final MicrometerAdapterSettings DEFAULTS = new MicrometerAdapterSettings(
            DEFAULT_MAX_LABEL_SETS_PER_METRIC, DEFAULT_MAX_METRIC_NAMES);

    /**
     * Checks the limits.
     * @throws IllegalArgumentException naming the limit outside {@link #LIMIT_RANGE}, and its value
     */
    public MicrometerAdapterSettings {
        LIMIT_RANGE.require("cardinality.max-label-sets-per-metric", maxLabelSetsPerMetric);
        LIMIT_RANGE.require("cardinality.max-metric-names", maxMetricNames);
    }
}
