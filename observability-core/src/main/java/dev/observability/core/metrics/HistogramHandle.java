package dev.observability.core.metrics;

/**
 * A histogram resolved once, to record on a hot path.
 */
public interface HistogramHandle {

    /**
     * Records a value; a negative, NaN or infinite value is refused and counted.
     * @param value the value
     */
    void record(double value);
}
