package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.validation.PropertyConstraints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The Prometheus adapter's settings, under {@code observability.prometheus}, validated as Boot binds them.
 */
@ConfigurationProperties("observability.prometheus")
public class PrometheusAdapterProperties implements Validator {

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

    @Override
    public boolean supports(Class<?> type) {
        return type == Cardinality.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        Cardinality cardinality = (Cardinality) target;
        PropertyConstraints.atLeastOne(errors, "maxLabelSetsPerMetric", cardinality.getMaxLabelSetsPerMetric());
        PropertyConstraints.atLeastOne(errors, "maxMetricNames", cardinality.getMaxMetricNames());
    }

    /** @return the adapter settings these properties describe */
    MicrometerAdapterSettings toSettings() {
        return new MicrometerAdapterSettings(this.cardinality.getMaxLabelSetsPerMetric(),
                this.cardinality.getMaxMetricNames());
    }

    /**
     * The cardinality guard: beyond these limits a recording is refused and counted (reason {@code cardinality}).
     */
    public static class Cardinality {

        /** The most label sets one metric name may have (default 1000). */
        private int maxLabelSetsPerMetric = 1000;

        /** The most metric names the adapter records (default 10000). */
        private int maxMetricNames = 10000;

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
