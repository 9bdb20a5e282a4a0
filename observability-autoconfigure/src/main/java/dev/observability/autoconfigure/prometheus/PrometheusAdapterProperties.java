package dev.observability.autoconfigure.prometheus;

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

    /**
     * @return the adapter settings these properties describe
     * @throws InvalidObservabilityConfigurationException naming the property when a limit is invalid
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
        return new MicrometerAdapterSettings(maxLabelSets, maxNames);
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
}
