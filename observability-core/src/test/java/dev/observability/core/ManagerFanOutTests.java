package dev.observability.core;

import java.time.Duration;
import java.util.List;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.Accounting;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManagerFanOutTests {

    private final TestAdapter inline = new TestAdapter("inline", DispatchMode.INLINE);

    private final TestAdapter async = new TestAdapter("async", DispatchMode.ASYNC);

    private final TestAdapter inlineToo = new TestAdapter("inline-too", DispatchMode.INLINE);

    private static List<String> withoutHealth(TestAdapter adapter) {
        return adapter.events.stream().filter((event) -> !event.startsWith("health")).toList();
    }

    @Test
    void everySignalReachesEveryAdapterOfThatSignal() {
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(this.inline).adapter(this.async)
            .adapter(this.inlineToo).build()) {
            manager.start();
            manager.counter("orders.placed", 2, Labels.of("region", "eu"));
            manager.gauge("queue.size", -3, Labels.empty());
            manager.histogram("order.value", 12.5, Labels.empty());
            manager.timing("checkout.time", Duration.ofMillis(7), Labels.empty());
            manager.counterHandle("handle.count", Labels.empty()).increment();
            manager.startSpan("checkout").close();
            manager.log(LogLevel.WARN, "careful");
            manager.log(LogLevel.DEBUG, "below the minimum level");
            HealthReport report = manager.controls().runHealthChecks();
            manager.close();
            for (TestAdapter adapter : new TestAdapter[] { this.inline, this.async, this.inlineToo }) {
                assertThat(withoutHealth(adapter)).as(adapter.name()).containsExactly(
                        "counter orders.placed{region=eu} 2.0", "gauge queue.size{} -3.0", "histogram order.value{} 12.5",
                        "timing checkout.time{} PT0.007S", "counter handle.count{} 1.0", "span checkout", "log careful");
                assertThat(adapter.reports).as(adapter.name()).contains(report);
            }
        }
    }

    @Test
    void adapterReceivesOnlyTheSignalsItImplements() {
        ManagerFanOutTestsMetricsOnly metricsOnly = new ManagerFanOutTestsMetricsOnly();
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(this.inline).adapter(metricsOnly)
            .build()) {
            manager.start();
            manager.counter("hits", Labels.empty());
            manager.log(LogLevel.INFO, "hello");
            manager.startSpan("work").close();
            assertThat(manager.controls()
                .adapter("metrics-only").orElseThrow().signals()).containsExactly(Signal.METRICS);
            assertThat(manager.controls().adapter("metrics-only").orElseThrow().total().submitted()).isEqualTo(1);
        }
        assertThat(metricsOnly.count).hasValue(1);
        assertThat(withoutHealth(this.inline)).containsExactly("counter hits{} 1.0", "log hello", "span work");
    }

    @Test
    void accountMatchesWhatEachAdapterReceived() {
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(this.inline).adapter(this.async)
            .build()) {
            manager.start();
            for (int i = 0; i < 100; i++) {
                manager.counter("hits", Labels.empty());
                manager.log(LogLevel.INFO, "event " + i);
            }
            manager.close();
            Accounting.assertSettled(manager.controls().adapter("inline").orElseThrow(), this.inline);
            Accounting.assertSettled(manager.controls().adapter("async").orElseThrow(), this.async);
            assertThat(manager.controls()
                .adapter("async").orElseThrow().counts().get(Signal.LOGGING).delivered()).isEqualTo(100);
        }
    }

    @Test
    void withNothingRegisteredRecordingDoesNothingAndNeverThrows() {
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.start();
            manager.counter("hits", Labels.empty());
            try (var span = manager.startSpan("work")) {
                manager.log(LogLevel.ERROR, "nobody listens", Fields.empty());
                assertThat(span.context()).isNotNull();
            }
            assertThat(manager.controls().adapters()).isEmpty();
            assertThat(manager.controls().refusals().snapshot().values()).containsOnly(0L);
        }
    }
}
