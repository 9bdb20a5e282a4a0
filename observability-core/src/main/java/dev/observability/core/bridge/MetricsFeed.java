package dev.observability.core.bridge;

import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.Labels;

/**
 * The metrics lanes of the adapters a filter accepts, made by
 * {@link dev.observability.core.ObservabilityManager#metricsFeed}, for a bridge that feeds the manager from a source
 * some adapters already read by themselves (the Micrometer bridge skips the adapters that read Micrometer natively,
 * so each event reaches each adapter once). Its handles validate, refuse and count exactly like the manager's, and
 * reach the accepted adapters registered later too.
 */
public interface MetricsFeed {

    /**
     * @param name the counter's name
     * @param labels its labels
     * @return a pre-bound counter handle that records into the accepted adapters only
     */
    CounterHandle counterHandle(String name, Labels labels);

    /**
     * @param name the gauge's name
     * @param labels its labels
     * @return a pre-bound gauge handle that records into the accepted adapters only
     */
    GaugeHandle gaugeHandle(String name, Labels labels);

    /**
     * @param name the histogram's name
     * @param labels its labels
     * @return a pre-bound histogram handle that records into the accepted adapters only
     */
    HistogramHandle histogramHandle(String name, Labels labels);

    /**
     * @param name the timing's name
     * @param labels its labels
     * @return a pre-bound timing handle that records into the accepted adapters only
     */
    TimingHandle timingHandle(String name, Labels labels);
}
