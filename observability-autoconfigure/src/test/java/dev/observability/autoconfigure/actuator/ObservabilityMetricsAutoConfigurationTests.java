package dev.observability.autoconfigure.actuator;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.RecordingAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("observability.json-logging.enabled=false",
                "observability.circuit-breaker.minimum-number-of-calls=1",
                "observability.circuit-breaker.sliding-window-size=1")
        .withBean(FailingAdapter.class, FailingAdapter::new);

    @Test
    void countsEventsByAdapterSignalAndOutcome() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.log(LogLevel.ERROR, "fails and opens the breaker");
            manager.log(LogLevel.ERROR, "refused by the open breaker");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(count(registry, "failed")).isEqualTo(1);
            assertThat(count(registry, "rejected_circuit_open")).isEqualTo(1);
            assertThat(count(registry, "delivered")).isZero();
        });
    }

    @Test
    void showsCircuitStateQueueAndSwitch() {
        this.runner.run((context) -> {
            context.getBean(ObservabilityManager.class).log(LogLevel.ERROR, "opens the breaker");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("observability.adapter.circuit.state").tags("adapter", "failing", "state", "open")
                .gauge().value()).isEqualTo(1);
            assertThat(registry.get("observability.adapter.circuit.state")
                .tags("adapter", "failing", "state", "closed").gauge().value()).isZero();
            assertThat(registry.get("observability.adapter.queue.size").tag("adapter", "failing").gauge().value())
                .isZero();
            assertThat(registry.get("observability.adapter.enabled").tag("adapter", "failing").gauge().value())
                .isEqualTo(1);
        });
    }

    @Test
    void showsTheLanesHealthStatus() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            manager.controls().runHealthChecks();
            assertThat(health(registry, "failing", "up")).isEqualTo(1);
            FailingAdapter.openCircuit(manager);
            assertThat(health(registry, "failing", "circuit_open")).isEqualTo(1);
            assertThat(health(registry, "failing", "up")).isZero();
            assertThat(registry.find("observability.adapter.health").tag("adapter", "failing").gauges())
                .hasSize(HealthStatus.values().length);
        });
    }

    @Test
    void countsTheExportsAnAdapterReportsWithItsHealth() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            RecordingAdapter exporting = new RecordingAdapter("exporting") {
                @Override
                public AdapterHealth health() {
                    return AdapterHealth.up().withExports(new ExportCounts("spans", 7, 3, 2, 1));
                }
            };
            manager.register(exporting);
            manager.controls().runHealthChecks();
            assertThat(exports(registry, "exporting", "exported")).isEqualTo(7);
            assertThat(exports(registry, "exporting", "failed")).isEqualTo(3);
            assertThat(exports(registry, "exporting", "refused")).isEqualTo(2);
            assertThat(registry.get("observability.adapter.exports.dropped.or.queued").tag("adapter", "exporting")
                .gauge().value()).isEqualTo(1);
            assertThat(exports(registry, "failing", "failed")).as("an adapter that reports no exports").isZero();
        });
    }

    @Test
    void measuresAnAdapterRegisteredAfterStartUp() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("observability.adapter.enabled").tag("adapter", "late").gauge()).isNull();
            RecordingAdapter late = new RecordingAdapter("late");
            manager.register(late);
            manager.log(LogLevel.INFO, "reaches the late adapter");
            assertThat(late.events).hasSize(1);
            assertThat(registry.get("observability.adapter.events")
                .tags("adapter", "late", "signal", "logging", "outcome", "delivered")
                .functionCounter()
                .count()).isEqualTo(1);
            assertThat(registry.get("observability.adapter.enabled").tag("adapter", "late").gauge().value())
                .isEqualTo(1);
            assertThat(registry.get("observability.adapter.queue.capacity").tag("adapter", "late").gauge().value())
                .isZero();
            assertThat(registry.get("observability.adapter.circuit.state").tags("adapter", "late", "state", "closed")
                .gauge().value()).isEqualTo(1);
            manager.controls().setEnabled("late", false);
            assertThat(registry.get("observability.adapter.enabled").tag("adapter", "late").gauge().value()).isZero();
            assertThat(registry.find("observability.adapter.events").tag("adapter", "failing").functionCounters())
                .hasSize(Outcome.values().length);
        });
    }

    @Test
    void countsRefusalsByReason() {
        this.runner.run((context) -> {
            context.getBean(ObservabilityManager.class).counter("bad name!", Labels.empty());
            assertThat(context.getBean(MeterRegistry.class).get("observability.refusals").tag("reason", "invalid_name")
                .functionCounter().count()).isEqualTo(1);
        });
    }

    @Test
    void backsOffWithoutMicrometer() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                    ObservabilityMetricsAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(MeterBinder.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ObservabilityMeterBinder.class));
    }

    @Test
    void backsOffWhenObservabilityIsDisabled() {
        this.runner.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityMeterBinder.class));
    }

    @Test
    void usesTheUsersBinder() {
        ObservabilityMeterBinder own = new ObservabilityMeterBinder(ObservabilityManager.builder().build());
        this.runner.withBean(ObservabilityMeterBinder.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityMeterBinder.class)).isSameAs(own));
    }

    private static double health(MeterRegistry registry, String adapter, String status) {
        return registry.get("observability.adapter.health").tags("adapter", adapter, "status", status).gauge().value();
    }

    private static double exports(MeterRegistry registry, String adapter, String outcome) {
        return registry.get("observability.adapter.exports")
            .tags("adapter", adapter, "outcome", outcome)
            .functionCounter()
            .count();
    }

    private static double count(MeterRegistry registry, String outcome) {
        return registry.get("observability.adapter.events")
            .tags("adapter", "failing", "signal", "logging", "outcome", outcome)
            .functionCounter()
            .count();
    }
}
