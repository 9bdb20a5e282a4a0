package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ObservabilityManager;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTelemetryMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false",
                "management.otlp.metrics.export.url=http://127.0.0.1:9/v1/metrics")
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
                OtlpMetricsExportAutoConfiguration.class, OpenTelemetryMetricsAutoConfiguration.class));

    @Test
    void recordsIntoBootsOtlpRegistryAndCountsItsSendersResultsByDefault() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetryMetricsAdapter.class).hasSingleBean(OtlpMeterRegistry.class)
                .hasSingleBean(OtlpPublishAccount.class);
            assertThat(context.getBean(OpenTelemetryMetricsAdapter.class).registry())
                .isSameAs(context.getBean(OtlpMeterRegistry.class));
            assertThat(context.getBean(OtlpMetricsSender.class)).isInstanceOf(CountingOtlpMetricsSender.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.start();
            assertThat(manager.adapter(OpenTelemetryMetricsAdapter.NAME)).isPresent();
        });
    }

    @Test
    void countsTheApplicationsOwnSenderWithoutReplacingIt() {
        this.runner.withUserConfiguration(UserSender.class).run((context) -> {
            OtlpMetricsSender sender = context.getBean(OtlpMetricsSender.class);
            assertThat(sender).isInstanceOf(CountingOtlpMetricsSender.class);
            sender.send(OtlpMetricsSender.Request.builder(new byte[0]).address("http://127.0.0.1:9").build());
            assertThat(context.getBean(UserSender.class).sender.sent).isEqualTo(1);
            assertThat(context.getBean(OtlpPublishAccount.class).succeeded()).isEqualTo(1);
        });
    }

    @Test
    void isOffWhenMetricsAreSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.opentelemetry.metrics.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryMetricsAdapter.class)
                .doesNotHaveBean(CountingOtlpMetricsSenderPostProcessor.class)
                .hasSingleBean(OtlpMeterRegistry.class));
    }

    @Test
    void isOffWhenOpenTelemetryIsSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.opentelemetry.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryMetricsAdapter.class)
                .hasSingleBean(OtlpMeterRegistry.class));
    }

    @Test
    void isAbsentWithoutTheOtlpRegistryLibrary() {
        this.runner.withClassLoader(new FilteredClassLoader(OtlpMeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenTelemetryMetricsAdapter.class));
    }

    @Test
    void isAbsentWhenBootDoesNotExportOverOtlp() {
        this.runner.withPropertyValues("management.otlp.metrics.export.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryMetricsAdapter.class)
                .doesNotHaveBean(OtlpMetricsSender.class));
    }

    @Test
    void usesTheApplicationsOwnAdapter() {
        this.runner.withUserConfiguration(UserAdapter.class).run((context) -> assertThat(context)
            .getBean(OpenTelemetryMetricsAdapter.class).isSameAs(context.getBean("myOtlpAdapter")));
    }

    @Test
    void refusesAnInvalidCardinalityLimitNamingTheProperty() {
        this.runner.withPropertyValues("observability.opentelemetry.metrics.cardinality.max-metric-names=0")
            .run((context) -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("observability.opentelemetry.metrics.cardinality.max-metric-names"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserAdapter {

        @Bean
        OpenTelemetryMetricsAdapter myOtlpAdapter(OtlpMeterRegistry registry) {
            return new OpenTelemetryMetricsAdapter(registry, MicrometerAdapterSettings.DEFAULTS,
                    new OtlpPublishAccount());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserSender {

        final Counting sender = new Counting();

        @Bean
        OtlpMetricsSender userSender() {
            return this.sender;
        }

        static final class Counting implements OtlpMetricsSender {

            int sent;

            @Override
            public void send(Request request) {
                this.sent++;
            }
        }
    }
}
