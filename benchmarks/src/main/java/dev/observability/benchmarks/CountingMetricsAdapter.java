package dev.observability.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A fast ASYNC metrics adapter that only counts what it receives, or, once {@linkplain #hang() hung}, blocks every
 * call until {@linkplain #release() released}: the stand-in for a remote backend on its own lane.
 */
class CountingMetricsAdapter implements MetricsAdapter {

    private final String name;

    private final LongAdder received = new LongAdder();

    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** @param name the adapter's name */
    CountingMetricsAdapter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.ASYNC;
    }

    /** Makes every following call block until {@link #release()}. */
    void hang() {
        this.gate = new CountDownLatch(1);
    }

    /** Lets blocked and following calls through. */
    void release() {
        this.gate.countDown();
    }

    /** @return the events received so far */
    long received() {
        return this.received.sum();
    }

    /** Counts one event received. */
    final void count() {
        this.received.increment();
    }

    @Override
    public void counter(MetricId metric, double amount) {
        try {
            this.gate.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        this.received.increment();
    }

    @Override
    public void gauge(MetricId metric, double value) {
        this.received.increment();
    }

    @Override
    public void histogram(MetricId metric, double value) {
        this.received.increment();
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        this.received.increment();
    }
}
