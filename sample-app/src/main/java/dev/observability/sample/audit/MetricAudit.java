package dev.observability.sample.audit;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.MetricId;

/**
 * What the {@link AuditAdapter} received for one metric name: how many events and the last one's labels and value
 * (milliseconds for a timing). Read by HTTP threads while the adapter's lane writes it.
 */
public final class MetricAudit {

    private final String kind;

    private final LongAdder events = new LongAdder();

    private volatile Map<String, String> lastLabels = Map.of();

    private volatile double lastValue;

    MetricAudit(String kind) {
        this.kind = kind;
    }

    void add(MetricId metric, double value) {
        this.lastLabels = metric.labels().asMap();
        this.lastValue = value;
        this.events.increment();
    }

    /** @return {@code counter}, {@code gauge}, {@code histogram} or {@code timing} */
    public String getKind() {
        return this.kind;
    }

    public long getEvents() {
        return this.events.sum();
    }

    public Map<String, String> getLastLabels() {
        return this.lastLabels;
    }

    /** @return the last event's value (milliseconds for a timing) */
    public double getLastValue() {
        return this.lastValue;
    }
}
