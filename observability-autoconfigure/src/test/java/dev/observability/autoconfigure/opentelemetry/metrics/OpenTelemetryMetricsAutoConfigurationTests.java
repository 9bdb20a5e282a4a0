package dev.observability.autoconfigure.opentelemetry.metrics;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Labels;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
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
                .hasBean(OpenTelemetryMetricsAutoConfiguration.EXPORTS);
            assertThat(context.getBean(OpenTelemetryMetricsAdapter.class).registry())
                .isSameAs(context.getBean(OtlpMeterRegistry.class));
            assertThat(context.getBean(OtlpMetricsSender.class)).isInstanceOf(CountingOtlpMetricsSender.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            manager.start();
            assertThat(manager.controls().adapter(OpenTelemetryMetricsAdapter.NAME)).isPresent();
        });
    }

    @Test
    void countsTheApplicationsOwnSenderWithoutReplacingIt() {
        this.runner.withUserConfiguration(UserSender.class).run((context) -> {
            OtlpMetricsSender sender = context.getBean(OtlpMetricsSender.class);
            assertThat(sender).isInstanceOf(CountingOtlpMetricsSender.class);
            sender.send(aPush());
            assertThat(context.getBean(UserSender.class).sender.sent).isEqualTo(1);
            assertThat(context.getBean(OpenTelemetryMetricsAdapter.class).exports().exported()).isEqualTo(1);
        });
    }

    @Test
    void startsSwitchedOffAndSendsNoPushWhenMetricsAreSwitchedOffByProperty() {
        this.runner.withUserConfiguration(UserSender.class)
            .withPropertyValues("observability.opentelemetry.metrics.enabled=false")
            .run(RegisteredSwitchedOffAndSendsNothing::new);
    }

    @Test
    void startsSwitchedOffAndSendsNoPushWhenOpenTelemetryIsSwitchedOffByProperty() {
        this.runner.withUserConfiguration(UserSender.class)
            .withPropertyValues("observability.opentelemetry.enabled=false")
            .run(RegisteredSwitchedOffAndSendsNothing::new);
    }

    @Test
    void aPushIsSentAgainOnceMetricsAreSwitchedOnAtRuntime() {
        this.runner.withUserConfiguration(UserSender.class)
            .withPropertyValues("observability.opentelemetry.metrics.enabled=false")
            .run((context) -> {
                new RegisteredSwitchedOffAndSendsNothing(context);
                context.getBean(ObservabilityManager.class).controls()
                    .setEnabled(OpenTelemetryMetricsAdapter.NAME, true);
                context.getBean(OtlpMetricsSender.class).send(aPush());
                assertThat(context.getBean(UserSender.class).sender.sent).isEqualTo(1);
                assertThat(context.getBean(OpenTelemetryMetricsAdapter.class).exports().exported()).isEqualTo(1);
            });
    }

    /** What a switched-off metrics adapter looks like: registered, off, and its sender sends nothing. */
    private static final class RegisteredSwitchedOffAndSendsNothing {

        RegisteredSwitchedOffAndSendsNothing(AssertableApplicationContext context) throws Exception {
            assertThat(context).hasSingleBean(OpenTelemetryMetricsAdapter.class).hasSingleBean(OtlpMeterRegistry.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            AdapterSnapshot adapter = manager.controls().adapter(OpenTelemetryMetricsAdapter.NAME).orElseThrow();
            assertThat(adapter.configuredEnabled()).isFalse();
            assertThat(adapter.enabled()).isFalse();
            manager.counter("orders.placed", Labels.empty());
            assertThat(manager.controls()
                .adapter(OpenTelemetryMetricsAdapter.NAME).orElseThrow().total().rejectedDisabled())
                .isEqualTo(1);
            context.getBean(OtlpMetricsSender.class).send(aPush());
            assertThat(context.getBean(UserSender.class).sender.sent).isZero();
            assertThat(context.getBean(OpenTelemetryMetricsAdapter.class).exports().refused()).isEqualTo(1);
        }
    }

    private static OtlpMetricsSender.Request aPush() {
        return OtlpMetricsSender.Request.builder(new byte[0]).address("http://127.0.0.1:9").build();
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
                    SwitchedOnExports.metricsPublishes());
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
