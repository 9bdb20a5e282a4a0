package dev.observability.autoconfigure.prometheus;

import java.util.List;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Labels;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label value that tries to end the sample line and forge another series stays inside its quotes in the
 * Prometheus text format: exactly one sample line for the metric, escaped, and no forged series.
 */
class PrometheusInjectionTests {

    private static final String FORGED = "eu\"} 1\nforged_total{admin=\"true\"} 999\n# TYPE x counter\\";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false")
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class));

    @Test
    void aForgedLabelValueStaysEscapedInsideOneSampleLine() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.counter("orders.placed", 1, Labels.of("region", FORGED));
            String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
            List<String> samples = scrape.lines().filter((line) -> line.startsWith("orders_placed_total")).toList();
            assertThat(samples).containsExactly(
                    "orders_placed_total{region=\"eu\\\"} 1\\nforged_total{admin=\\\"true\\\"} 999\\n# TYPE x counter\\\\\"} 1.0");
            assertThat(scrape.lines()).noneMatch((line) -> line.startsWith("forged_total"))
                .noneMatch((line) -> line.equals("# TYPE x counter\\"));
        });
    }
}
