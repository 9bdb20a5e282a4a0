package dev.observability.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * How many measured iterations share an event counter's ({@code @AuxCounters(EVENTS)}) sum: JMH adds up what every
 * measured iteration of every fork reports, so an iteration that reports its figure divided by this share makes the
 * printed sum the mean over the iterations.
 */
final class IterationShare {

    private IterationShare() {
    }

    /**
     * @param benchmark the run's forks
     * @param iteration the iteration's kind and count
     * @return the number of measured iterations over all forks for a measured iteration; 1 for a warm-up one
     */
    static int of(BenchmarkParams benchmark, IterationParams iteration) {
        return (iteration.getType() == IterationType.MEASUREMENT)
                ? Math.max(1, iteration.getCount()) * Math.max(1, benchmark.getForks()) : 1;
    }
}
