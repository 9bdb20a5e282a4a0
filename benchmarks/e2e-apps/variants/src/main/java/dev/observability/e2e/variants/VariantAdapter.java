package dev.observability.e2e.variants;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A custom backend receiving metrics and logs on an ASYNC lane (the default for adapters the project did not write):
 * either a healthy one that takes each event and returns, so what the benchmark measures is the starter's cost, or one
 * that hangs, whose first call never returns until the adapter is closed (its queue fills, then the lane drops and
 * counts). The lanes' self-metrics ({@code observability.adapter.events}) show what each one received.
 */
final class VariantAdapter implements MetricsAdapter, LoggingAdapter {

    private final String name;

    private final boolean hangs;

    private final CountDownLatch closed = new CountDownLatch(1);

    private VariantAdapter(String name, boolean hangs) {
        this.name = name;
        this.hangs = hangs;
    }

    /** @return the healthy adapter, {@code e2e-custom} */
    static VariantAdapter receiving() {
        return new VariantAdapter("e2e-custom", false);
    }

    /** @return the adapter that hangs, {@code e2e-hanging} */
    static VariantAdapter hanging() {
        return new VariantAdapter("e2e-hanging", true);
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        receive();
    }

    @Override
    public void gauge(MetricId metric, double value) {
        receive();
    }

    @Override
    public void histogram(MetricId metric, double value) {
        receive();
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        receive();
    }

    @Override
    public void log(LogEvent event) {
        receive();
    }

    @Override
    public void close() {
        this.closed.countDown();
    }

    private void receive() {
        if (!this.hangs) {
            return;
        }
        try {
            this.closed.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
