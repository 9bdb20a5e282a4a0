package dev.observability.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.observability.core.dispatch.DispatchMode;
import dev.observability.core.metrics.Labels;
import dev.observability.core.metrics.MetricId;
import dev.observability.core.metrics.MetricsAdapter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * A minimal Micrometer-backed metrics adapter, standing in for the project's own until it lands: it resolves each
 * {@link MetricId} to a Micrometer meter once, keeps it in a map keyed by the id, and records inline. Only counters
 * are implemented; the benchmarks record nothing else.
 */
final class MicrometerMetricsAdapter implements MetricsAdapter {

    private final MeterRegistry registry;

    private final ConcurrentMap<MetricId, Counter> counters = new ConcurrentHashMap<>();

    /** @param registry the registry meters are created in */
    MicrometerMetricsAdapter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "micrometer";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        Counter counter = this.counters.get(metric);
        if (counter == null) {
            counter = this.counters.computeIfAbsent(metric,
                    (id) -> this.registry.counter(id.name(), tagsOf(id.labels())));
        }
        counter.increment(amount);
    }

    private static Tags tagsOf(Labels labels) {
        Tag[] tags = new Tag[labels.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = Tag.of(labels.key(i), labels.value(i));
        }
        return Tags.of(List.of(tags));
    }

    @Override
    public void gauge(MetricId metric, double value) {
        throw new UnsupportedOperationException("not used by the benchmarks");
    }

    @Override
    public void histogram(MetricId metric, double value) {
        throw new UnsupportedOperationException("not used by the benchmarks");
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        throw new UnsupportedOperationException("not used by the benchmarks");
    }
}
