package dev.observability.autoconfigure.prometheus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.validation.InvalidObservabilityConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Prometheus adapter's settings, under {@code observability.prometheus}.
 */
@ConfigurationProperties("observability.prometheus")
public class PrometheusAdapterProperties {

    /** Whether the manager's metrics are recorded into Boot's Prometheus registry (default true). */
    private boolean enabled = true;

    private final Cardinality cardinality = new Cardinality();

    private final Distribution distribution = new Distribution();

    /** @return whether the adapter is on */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether the adapter is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the cardinality guard's limits */
    public Cardinality getCardinality() {
        return this.cardinality;
    }

    /** @return the distribution settings by metric name prefix */
    public Distribution getDistribution() {
        return this.distribution;
    }

    /**
     * @return the adapter settings these properties describe
     * @throws InvalidObservabilityConfigurationException naming the property when a limit, percentile or SLO
     * boundary is invalid
     */
    MicrometerAdapterSettings toSettings() {
        int maxLabelSets = this.cardinality.getMaxLabelSetsPerMetric();
        if (maxLabelSets < 1) {
            throw InvalidObservabilityConfigurationException.invalidProperty(
                    "observability.prometheus.cardinality.max-label-sets-per-metric", maxLabelSets,
                    "a whole number of 1 or more",
                    String.valueOf(MicrometerAdapterSettings.DEFAULT_MAX_LABEL_SETS_PER_METRIC));
        }
        int maxNames = this.cardinality.getMaxMetricNames();
        if (maxNames < 1) {
            throw InvalidObservabilityConfigurationException.invalidProperty(
                    "observability.prometheus.cardinality.max-metric-names", maxNames, "a whole number of 1 or more",
                    String.valueOf(MicrometerAdapterSettings.DEFAULT_MAX_METRIC_NAMES));
        }
        try {
            return new MicrometerAdapterSettings(maxLabelSets, maxNames, new DistributionRules(
                    this.distribution.getPercentiles(), this.distribution.getPercentilesHistogram(),
                    this.distribution.getSlo()));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidObservabilityConfigurationException(
                    "Invalid observability.prometheus.distribution.* setting: " + ex.getMessage() + ".",
                    "Write percentiles as fractions from 0 to 1 (observability.prometheus.distribution.percentiles."
                            + "<prefix>=0.5,0.95) and SLO boundaries as numbers or durations "
                            + "(observability.prometheus.distribution.slo.<prefix>=100ms,1s).");
        }
    }

    /**
     * The cardinality guard: beyond these limits a recording is refused and counted (reason {@code cardinality}).
     */
    public static class Cardinality {

        /** The most label sets one metric name may have (default 1000). */
        private int maxLabelSetsPerMetric = MicrometerAdapterSettings.DEFAULT_MAX_LABEL_SETS_PER_METRIC;

        /** The most metric names the adapter records (default 10000). */
        private int maxMetricNames = MicrometerAdapterSettings.DEFAULT_MAX_METRIC_NAMES;

        /** @return the most label sets per metric name */
        public int getMaxLabelSetsPerMetric() {
            return this.maxLabelSetsPerMetric;
        }

        /** @param maxLabelSetsPerMetric the most label sets per metric name */
        public void setMaxLabelSetsPerMetric(int maxLabelSetsPerMetric) {
            this.maxLabelSetsPerMetric = maxLabelSetsPerMetric;
        }

        /** @return the most metric names */
        public int getMaxMetricNames() {
            return this.maxMetricNames;
        }

        /** @param maxMetricNames the most metric names */
        public void setMaxMetricNames(int maxMetricNames) {
            this.maxMetricNames = maxMetricNames;
        }
    }

    /**
     * Percentiles, percentile histograms and SLO buckets of histograms and timings, keyed by metric name prefix (the
     * longest matching prefix wins; {@code all} matches every name).
     */
    public static class Distribution {

        /** Percentiles (fractions such as 0.95) to publish, by metric name prefix (default none). */
        private Map<String, List<Double>> percentiles = new LinkedHashMap<>();

        /** Whether to publish a percentile histogram (Prometheus buckets), by metric name prefix (default false). */
        private Map<String, Boolean> percentilesHistogram = new LinkedHashMap<>();

        /**
         * SLO bucket boundaries by metric name prefix: durations ({@code 100ms}) or milliseconds for timings,
         * numbers for histograms (default none).
         */
        private Map<String, List<String>> slo = new LinkedHashMap<>();

        /** @return percentiles by prefix */
        public Map<String, List<Double>> getPercentiles() {
            return this.percentiles;
        }

        /** @param percentiles percentiles by prefix */
        public void setPercentiles(Map<String, List<Double>> percentiles) {
            this.percentiles = percentiles;
        }

        /** @return percentile histograms by prefix */
        public Map<String, Boolean> getPercentilesHistogram() {
            return this.percentilesHistogram;
        }

        /** @param percentilesHistogram percentile histograms by prefix */
        public void setPercentilesHistogram(Map<String, Boolean> percentilesHistogram) {
            this.percentilesHistogram = percentilesHistogram;
        }

        /** @return SLO boundaries by prefix */
        public Map<String, List<String>> getSlo() {
            return this.slo;
        }

        /** @param slo SLO boundaries by prefix */
        public void setSlo(Map<String, List<String>> slo) {
            this.slo = slo;
        }
    }
}
