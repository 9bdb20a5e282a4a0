package dev.observability.test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;

/**
 * A well-behaved adapter of every signal that counts what it receives, registered next to the adapter under test: it
 * sees exactly the kit's traffic unless the adapter under test records telemetry of its own.
 */
final class ProbeAdapter implements MetricsAdapter, TracingAdapter, LoggingAdapter, HealthAdapter {

    static final String NAME = "compatibility-kit-probe";

    private final LongAdder[] received = new LongAdder[Signal.values().length];

    ProbeAdapter() {
        for (Signal signal : Signal.values()) {
            this.received[signal.ordinal()] = new LongAdder();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    long received(Signal signal) {
        return this.received[signal.ordinal()].sum();
    }

    @Override
    public void counter(MetricId metric, double amount) {
        this.received[Signal.METRICS.ordinal()].increment();
    }

    @Override
    public void gauge(MetricId metric, double value) {
        this.received[Signal.METRICS.ordinal()].increment();
    }

    @Override
    public void histogram(MetricId metric, double value) {
        this.received[Signal.METRICS.ordinal()].increment();
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        this.received[Signal.METRICS.ordinal()].increment();
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        return (Instant endTime) -> this.received[Signal.TRACING.ordinal()].increment();
    }

    @Override
    public void log(LogEvent event) {
        this.received[Signal.LOGGING.ordinal()].increment();
    }

    @Override
    public void report(HealthReport report) {
        this.received[Signal.HEALTH.ordinal()].increment();
    }
}
