package dev.observability.core.bridge;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.AdapterRefusals;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Refusals;
import dev.observability.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsFeedTests {

    private static final LaneSettings INLINE = LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE);

    @Test
    void feedReachesOnlyTheAcceptedAdapters() {
        RecordingMetrics fed = new RecordingMetrics("fed");
        RecordingMetrics skipped = new RecordingMetrics("skipped");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(fed, INLINE)
            .adapter(skipped, INLINE).build()) {
            manager.start();
            MetricsFeed feed = manager.metricsFeed((adapter) -> !adapter.name().equals("skipped"));
            feed.counterHandle("jobs.done", Labels.of("queue", "a")).increment(3);
            feed.gaugeHandle("jobs.waiting", Labels.empty()).set(7);
            feed.histogramHandle("jobs.size", Labels.empty()).record(12);
            feed.timingHandle("jobs.time", Labels.empty()).record(Duration.ofMillis(5));
        }
        assertThat(fed.events).containsExactly("counter jobs.done{queue=a} 3.0", "gauge jobs.waiting{} 7.0",
                "histogram jobs.size{} 12.0", "timing jobs.time{} PT0.005S");
        assertThat(skipped.events).isEmpty();
    }

    @Test
    void feedPicksUpAdaptersRegisteredAfterItWasMade() {
        RecordingMetrics late = new RecordingMetrics("late");
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.start();
            MetricsFeed feed = manager.metricsFeed((adapter) -> true);
            feed.counterHandle("jobs.done", Labels.empty()).increment();
            manager.register(late, INLINE);
            feed.counterHandle("jobs.done", Labels.empty()).increment();
        }
        assertThat(late.events).containsExactly("counter jobs.done{} 1.0");
    }

    @Test
    void feedRefusesAndCountsLikeTheManager() {
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            MetricsFeed feed = manager.metricsFeed((adapter) -> true);
            feed.counterHandle("9 bad", Labels.empty()).increment();
            feed.gaugeHandle("ok", Labels.empty()).set(Double.NaN);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_VALUE)).isEqualTo(1);
        }
    }

    @Test
    void adapterWithRulesOfItsOwnIsHandedTheManagersRefusalCount() {
        RefusingMetrics adapter = new RefusingMetrics();
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter, INLINE).build()) {
            manager.start();
            manager.counter("anything", 1, Labels.empty());
            assertThat(manager.controls().refusals().count(InputRefusal.CARDINALITY)).isEqualTo(1);
        }
    }

    /**
     * Refuses every counter and gauge for cardinality, as a guard that is always full would.
     */
    static final class RefusingMetrics implements MetricsAdapter, AdapterRefusals {

        private Refusals refusals;

        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public void countRefusalsIn(Refusals refusals) {
            this.refusals = refusals;
        }

        @Override
        public void counter(MetricId metric, double amount) {
            this.refusals.refuse(InputRefusal.CARDINALITY);
        }

        @Override
        public void gauge(MetricId metric, double value) {
            counter(metric, value);
        }

        @Override
        public void histogram(MetricId metric, double value) {
            throw new UnsupportedOperationException("histograms are not used by this test");
        }

        @Override
        public void timing(MetricId metric, Duration duration) {
            throw new UnsupportedOperationException("timings are not used by this test");
        }
    }
}
