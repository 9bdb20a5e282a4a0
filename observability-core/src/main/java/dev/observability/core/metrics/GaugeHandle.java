package dev.observability.core.metrics;

/**
 * A gauge resolved once, to record on a hot path.
 */
public interface GaugeHandle {

    /**
     * Sets the gauge; a NaN or infinite value is refused and counted.
     * @param value the value
     */
    void set(double value);
}
