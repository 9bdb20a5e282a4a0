package dev.observability.core.internal.metrics;

import java.time.Duration;
import java.util.Set;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up-per-call metric methods cache each series' handle in a bounded table: repeated series skip validation
 * and allocation, a million distinct series do not grow it, and a cached handle records exactly like a new one.
 */
class SeriesCacheTests {

    private static final LaneSettings INLINE = LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE);

    @Test
    void aRepeatedSeriesGetsTheSameHandle() {
        SeriesCache cache = newCache();
        Labels labels = Labels.of("method", "GET");
        assertThat(cache.handle("http.requests", labels))
            .isSameAs(cache.handle("http.requests", Labels.of("method", "GET")));
    }

    @Test
    void aRepeatedMetricGetsTheSameHandleAndTheSameNameWithAnotherDescriptionItsOwn() {
        SeriesCache cache = newCache();
        Metric described = Metric.named("http.requests").withDescription("Requests");
        Labels labels = Labels.of("method", "GET");
        assertThat(cache.handle(described, labels)).isSameAs(cache.handle(described, labels))
            .isNotSameAs(cache.handle(Metric.named("http.requests").withDescription("Other"), labels));
        assertThat(cache.handle("http.requests", labels)).isSameAs(cache.handle("http.requests", labels))
            .isNotSameAs(cache.handle(described, labels));
    }

    @Test
    void aMillionDistinctLabelSetsNeverHoldMoreThanTheSlots() {
        SeriesCache cache = newCache();
        for (int i = 0; i < 1_000_000; i++) {
            cache.handle("requests", Labels.of("user", Integer.toString(i))).increment(1);
        }
        assertThat(cache.size()).isPositive().isLessThanOrEqualTo(SeriesCache.SLOTS);
    }

    @Test
    void seriesSharingASlotEachReachTheAdapterUnderTheirOwnIdentity() {
        RecordingMetrics adapter = new RecordingMetrics("recording");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter, INLINE).build()) {
            manager.start();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < SeriesCache.SLOTS * 4; i++) {
                    manager.counter("jobs", 1, Labels.of("n", Integer.toString(i)));
                }
            }
        }
        assertThat(adapter.events).hasSize(SeriesCache.SLOTS * 8);
        for (int i = 0; i < SeriesCache.SLOTS * 4; i++) {
            assertThat(adapter.events.get(i)).isEqualTo("counter jobs{n=" + i + "} 1.0");
            assertThat(adapter.events.get(SeriesCache.SLOTS * 4 + i)).isEqualTo("counter jobs{n=" + i + "} 1.0");
        }
    }

    @Test
    void aCachedHandleStillChecksEveryValueAndRefusesBadSeriesEveryTime() {
        RecordingMetrics adapter = new RecordingMetrics("recording");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter, INLINE).build()) {
            manager.start();
            Labels labels = Labels.of("queue", "a");
            manager.counter("jobs", 2, labels);
            manager.counter("jobs", -1, labels);
            manager.timing("jobs.time", null, labels);
            manager.counter("9 bad", 1, labels);
            manager.counter("9 bad", 1, labels);
            manager.gauge("jobs.waiting", 3, Labels.of("password", "hunter2"));
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_VALUE)).isEqualTo(2);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(2);
        }
        assertThat(adapter.events).containsExactly("counter jobs{queue=a} 2.0", "gauge jobs.waiting{password=******} 3.0");
    }

    @Test
    void aCachedHandleReachesAnAdapterRegisteredAfterTheFirstCall() {
        RecordingMetrics late = new RecordingMetrics("late");
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.start();
            manager.histogram("sizes", 1, Labels.empty());
            manager.register(late, INLINE);
            manager.histogram("sizes", 2, Labels.empty());
            manager.timing("sizes.time", Duration.ofMillis(3), Labels.empty());
        }
        assertThat(late.events).containsExactly("histogram sizes{} 2.0", "timing sizes.time{} PT0.003S");
    }

    private static SeriesCache newCache() {
        LaneRegistry registry = new LaneRegistry(CircuitBreakerFactory.standalone(), Duration.ofMinutes(1),
                Redaction.defaults(), Set.of());
        return new SeriesCache(registry, registry::metricsLanes);
    }
}
