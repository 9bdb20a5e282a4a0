package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusAdapterAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false")
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class));

    @Test
    void recordsIntoBootsPrometheusRegistryByDefault() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(PrometheusMetricsAdapter.class);
            assertThat(context).hasSingleBean(PrometheusMeterRegistry.class);
            PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
            assertThat(context.getBean(PrometheusMetricsAdapter.class).registry()).isSameAs(registry);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.start();
            assertThat(manager.controls().adapter(PrometheusMetricsAdapter.NAME)).isPresent();
            manager.counter("orders.placed", 1, Labels.of("region", "eu"));
            assertThat(registry.scrape()).contains("orders_placed_total{region=\"eu\"} 1.0");
        });
    }

    @Test
    void isOffWhenSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.prometheus.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(PrometheusMetricsAdapter.class)
                .hasSingleBean(PrometheusMeterRegistry.class));
    }

    @Test
    void isAbsentWithoutThePrometheusRegistryLibrary() {
        this.runner.withClassLoader(new FilteredClassLoader(PrometheusMeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PrometheusMetricsAdapter.class));
    }

    @Test
    void isAbsentWhenBootDoesNotExportToPrometheus() {
        this.runner.withPropertyValues("management.prometheus.metrics.export.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(PrometheusMetricsAdapter.class));
    }

    @Test
    void backsOffWhenTheUserDefinesTheAdapter() {
        this.runner.withUserConfiguration(UserAdapter.class)
            .run((context) -> assertThat(context.getBean(PrometheusMetricsAdapter.class))
                .isSameAs(context.getBean("userPrometheusAdapter")));
    }

    @Test
    void appliesTheCardinalityLimitFromProperties() {
        this.runner.withPropertyValues("observability.prometheus.cardinality.max-label-sets-per-metric=2")
            .run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                manager.start();
                for (String user : new String[] { "a", "b", "c", "d" }) {
                    manager.counter("logins", 1, Labels.of("user", user));
                }
                assertThat(context.getBean(PrometheusMeterRegistry.class).find("logins").counters()).hasSize(2);
                assertThat(manager.controls().refusals().count(InputRefusal.CARDINALITY)).isEqualTo(2);
            });
    }

    @Test
    void bootsDistributionPropertiesShapeTheManagersTimingsAndHistograms() {
        this.runner
            .withPropertyValues("management.metrics.distribution.slo.checkout=100ms,1s",
                    "management.metrics.distribution.percentiles-histogram.order=true")
            .run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                manager.start();
                manager.timing("checkout.duration", java.time.Duration.ofMillis(300), Labels.empty());
                manager.histogram("order.size", 3, Labels.empty());
                String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                assertThat(scrape).contains("checkout_duration_seconds_bucket{le=\"0.1\"} 0")
                    .contains("checkout_duration_seconds_bucket{le=\"1.0\"} 1")
                    .contains("order_size_bucket{le=");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserAdapter {

        @Bean
        PrometheusMetricsAdapter userPrometheusAdapter() {
            return new PrometheusMetricsAdapter(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    MicrometerAdapterSettings.DEFAULTS);
        }
    }
}
