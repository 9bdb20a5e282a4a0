package dev.observability.core.spi;

import java.time.Duration;

/**
 * An adapter that receives metrics. Every value it receives has already passed the manager's rules: the name and
 * labels are valid, values are finite, counter increments, histogram values and durations are not negative.
 */
public interface MetricsAdapter extends ObservabilityAdapter {

    /**
     * Adds to a monotonic counter.
     * @param metric the counter
     * @param amount a finite amount, zero or more
     */
    void counter(MetricId metric, double amount);

    /**
     * Sets a gauge; a backend keeps the last value.
     * @param metric the gauge
     * @param value a finite value
     */
    void gauge(MetricId metric, double value);

    /**
     * Records one observation into a distribution (Micrometer's distribution summary).
     * @param metric the histogram
     * @param value a finite value, zero or more
     */
    void histogram(MetricId metric, double value);

    /**
     * Records one duration (Micrometer's timer).
     * @param metric the timing
     * @param duration a duration, zero or more
     */
    void timing(MetricId metric, Duration duration);
}
