package dev.observability.sample.audit;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import org.springframework.stereotype.Component;

/**
 * A custom metrics backend, as a user would write one: a bean that implements {@link MetricsAdapter}, so the
 * starter registers it under its {@link #name()} behind its own lane (asynchronous by default, with a circuit
 * breaker). It receives what the application records through the manager ({@code orders.placed}, ...) and, through
 * the Micrometer bridge, what Boot records ({@code http.server.requests}, {@code jvm.*}). It keeps, per metric name,
 * how many events arrived and the last one, for at most {@value #MAX_NAMES} names.
 */
@Component
public class AuditAdapter implements MetricsAdapter {

    /** The adapter's name: its key under {@code observability.adapters.*} and in Actuator. */
    public static final String NAME = "audit";

    /** The most metric names kept; events for more names are counted as ignored. */
    static final int MAX_NAMES = 1000;

    private final Map<String, MetricAudit> metrics = new ConcurrentHashMap<>();

    private final LongAdder ignored = new LongAdder();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        record("counter", metric, amount);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        record("gauge", metric, value);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        record("histogram", metric, value);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        record("timing", metric, duration.toNanos() / 1_000_000.0);
    }

    /** @return what arrived, by metric name, in name order */
    public Map<String, MetricAudit> received() {
        return new TreeMap<>(this.metrics);
    }

    /** @return how many events were not kept because {@value #MAX_NAMES} names were already kept */
    public long ignored() {
        return this.ignored.sum();
    }

    private void record(String kind, MetricId metric, double value) {
        MetricAudit audit = this.metrics.get(metric.name());
        if (audit == null && this.metrics.size() >= MAX_NAMES) {
            this.ignored.increment();
            return;
        }
        this.metrics.computeIfAbsent(metric.name(), (name) -> new MetricAudit(kind)).add(metric, value);
    }
}
