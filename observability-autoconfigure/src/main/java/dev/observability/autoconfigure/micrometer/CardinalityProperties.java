package dev.observability.autoconfigure.micrometer;

import dev.observability.autoconfigure.validation.PropertyConstraints;

import org.springframework.validation.Errors;

/**
 * The cardinality guard's limits of a {@link MicrometerMetricsAdapter}, bound under an adapter's
 * {@code <prefix>.cardinality}: beyond them a recording is refused and counted (reason {@code cardinality}). The
 * adapter's properties class validates them as Boot binds them ({@link #validate(Errors)}).
 */
public class CardinalityProperties {

    /** The most label sets one metric name may have, from 1 to 100000 (default 1000). */
    private int maxLabelSetsPerMetric = 1000;

    /** The most metric names the adapter records, from 1 to 100000 (default 10000). */
    private int maxMetricNames = 10000;

    public int getMaxLabelSetsPerMetric() {
        return this.maxLabelSetsPerMetric;
    }

    public void setMaxLabelSetsPerMetric(int maxLabelSetsPerMetric) {
        this.maxLabelSetsPerMetric = maxLabelSetsPerMetric;
    }

    public int getMaxMetricNames() {
        return this.maxMetricNames;
    }

    public void setMaxMetricNames(int maxMetricNames) {
        this.maxMetricNames = maxMetricNames;
    }

    /**
     * Rejects a limit outside {@link MicrometerAdapterSettings#LIMIT_RANGE}.
     * @param errors the errors of this object, as Boot's binder validates it
     */
    public void validate(Errors errors) {
        PropertyConstraints.within(errors, "maxLabelSetsPerMetric", MicrometerAdapterSettings.LIMIT_RANGE,
                this.maxLabelSetsPerMetric);
        PropertyConstraints.within(errors, "maxMetricNames", MicrometerAdapterSettings.LIMIT_RANGE,
                this.maxMetricNames);
    }

    /** @return the adapter settings these limits describe */
    public MicrometerAdapterSettings toSettings() {
        return new MicrometerAdapterSettings(this.maxLabelSetsPerMetric, this.maxMetricNames);
    }
}
