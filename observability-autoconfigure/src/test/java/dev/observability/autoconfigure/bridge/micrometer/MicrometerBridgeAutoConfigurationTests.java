package dev.observability.autoconfigure.bridge.micrometer;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.ObservabilityManagerCustomizer;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter;
import dev.observability.autoconfigure.bridge.EventLog;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAutoConfiguration;
import dev.observability.autoconfigure.prometheus.PrometheusAdapterAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerBridgeAutoConfigurationTests {

    private final ApplicationContextRunner withoutCustomAdapter = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false")
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class,
                MicrometerBridgeAutoConfiguration.class));

    private final ApplicationContextRunner runner = this.withoutCustomAdapter.withUserConfiguration(CustomAdapter.class);

    @Test
    void joinsBootsCompositeAndFeedsCustomAdaptersButNotPrometheus() {
        this.runner.run((context) -> {
            MeterRegistry application = context.getBean(MeterRegistry.class);
            assertThat(application).isInstanceOf(CompositeMeterRegistry.class);
            assertThat(((CompositeMeterRegistry) application).getRegistries())
                .containsExactlyInAnyOrder(context.getBean(MicrometerBridgeRegistry.class),
                        context.getBean(PrometheusMeterRegistry.class));
            context.getBean(ObservabilityManager.class).start();
            application.counter("jobs.done", "queue", "a").increment();
            assertThat(context.getBean(EventLog.class).lines()).containsExactly("counter jobs.done{queue=a} 1.0");
            assertThat(context.getBean(PrometheusMeterRegistry.class).get("jobs.done").counter().count())
                .isEqualTo(1.0);
            assertThat(context.getBean(ObservabilityManager.class).controls().lane("prometheus").orElseThrow()
                .counts(Signal.METRICS).submitted()).isZero();
        });
    }

    @Test
    void leavesBootsOwnRegistryInPlaceWhenNoBackendIsConfigured() {
        this.runner.withClassLoader(new FilteredClassLoader(PrometheusMeterRegistry.class))
            .run((context) -> assertThat(context).hasSingleBean(SimpleMeterRegistry.class)
                .hasSingleBean(MicrometerBridgeRegistry.class));
    }

    @Test
    void staysOutOfBootsRegistriesWhileEveryMetricsAdapterReadsMicrometerNatively() {
        this.withoutCustomAdapter.withConfiguration(AutoConfigurations.of(LogbackBridgeAutoConfiguration.class))
            .withBean("tracingAndLogs", BridgeRecordingAdapter.class, () -> new BridgeRecordingAdapter("custom"))
            .run((context) -> assertThat(context).as("the starter's own customizer registers no adapter")
                .hasSingleBean(ObservabilityManagerCustomizer.class)
                .doesNotHaveBean(MicrometerBridgeRegistry.class)
                .getBean(MeterRegistry.class)
                .isSameAs(context.getBean(PrometheusMeterRegistry.class)));
    }

    @Test
    void joinsForAnAdapterBeanDeclaredWithAnInterfaceTypeAsItMayTakeMetrics() {
        this.withoutCustomAdapter
            .withBean("declaredBroadly", ObservabilityAdapter.class, () -> new EventLog("custom", DispatchMode.INLINE))
            .run((context) -> assertThat(context).hasSingleBean(MicrometerBridgeRegistry.class));
    }

    @Test
    void joinsForAManagerCustomizerAsItMayRegisterAnAdapter() {
        EventLog custom = new EventLog("custom", DispatchMode.INLINE);
        this.withoutCustomAdapter
            .withBean(ObservabilityManagerCustomizer.class, () -> (builder) -> builder.adapter(custom))
            .run((context) -> {
                assertThat(context).hasSingleBean(MicrometerBridgeRegistry.class);
                context.getBean(ObservabilityManager.class).start();
                context.getBean(MeterRegistry.class).counter("jobs.done").increment();
                assertThat(custom.lines()).anyMatch((line) -> line.startsWith("counter jobs.done"));
            });
    }

    @Test
    void joinsForTheApplicationsOwnManager() {
        this.withoutCustomAdapter
            .withBean("ownManager", ObservabilityManager.class, () -> ObservabilityManager.builder()
                .adapter(new EventLog("custom", DispatchMode.INLINE))
                .build())
            .run((context) -> assertThat(context).hasSingleBean(MicrometerBridgeRegistry.class));
    }

    @Test
    void isOffWhenSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.metrics.micrometer-bridge.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MicrometerBridgeRegistry.class)
                .getBean(MeterRegistry.class)
                .isSameAs(context.getBean(PrometheusMeterRegistry.class)));
    }

    @Test
    void isOffWhenMetricsAreOff() {
        this.runner.withPropertyValues("observability.metrics.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MicrometerBridgeRegistry.class));
    }

    @Test
    void isAbsentWithoutMicrometer() {
        this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerBridgeRegistry.class));
    }

    @Test
    void failsAtStartUpOnANonPositiveSampleInterval() {
        this.runner.withPropertyValues("observability.metrics.micrometer-bridge.sample-interval=0s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("observability.metrics.micrometer-bridge.sample-interval"));
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomAdapter {

        @Bean
        EventLog eventLog() {
            return new EventLog("custom", DispatchMode.INLINE);
        }
    }
}
