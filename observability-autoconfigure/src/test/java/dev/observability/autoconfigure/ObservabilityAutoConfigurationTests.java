package dev.observability.autoconfigure;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.testing.Lanes;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class));

    @Test
    void startsManagerWithNoAdapterOfItsOwnForLogs() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            assertThat(manager.isRunning()).isTrue();
            assertThat(manager.controls().adapters()).as("Boot's console prints the logs, not an adapter").isEmpty();
            assertThat(context).hasSingleBean(ObservabilityManagerLifecycle.class)
                .doesNotHaveBean(JsonLoggingAdapter.class);
        });
    }

    @Test
    void stopsManagerWhenContextCloses() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
            assertThat(manager.isRunning()).isFalse();
        });
    }

    @Test
    void keepsDeliveringWhenTheContextIsStoppedAndStartedAgain() {
        RecordingAdapter recorder = new RecordingAdapter("recorder");
        this.runner.withBean(RecordingAdapter.class, () -> recorder).run((context) -> {
            ConfigurableApplicationContext application = (ConfigurableApplicationContext) context
                .getSourceApplicationContext();
            application.stop();
            application.start();
            context.getBean(ObservabilityManager.class).log(LogLevel.INFO, "after a restart");
            assertThat(recorder.events).extracting((event) -> event.message()).containsExactly("after a restart");
        });
    }

    @Test
    void backsOffWhenDisabledByProperty() {
        this.runner.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityManager.class));
    }

    @Test
    void usesTheUsersManager() {
        ObservabilityManager own = ObservabilityManager.builder().build();
        this.runner.withBean(ObservabilityManager.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityManager.class)).isSameAs(own));
    }

    @Test
    void registersTheUsersJsonLoggerLikeAnyAdapterBean() {
        JsonLoggingAdapter own = new JsonLoggingAdapter(System.err);
        this.runner.withBean(JsonLoggingAdapter.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityManager.class).controls().adapters())
                .extracting(AdapterSnapshot::name).containsExactly(JsonLoggingAdapter.NAME));
    }

    @Test
    void registersAdapterBeansWithTheirOverrides() {
        this.runner.withBean("recorder", RecordingAdapter.class, () -> new RecordingAdapter("recorder"))
            .withPropertyValues("observability.adapters.recorder.dispatch.mode=async",
                    "observability.adapters.recorder.dispatch.queue-capacity=16",
                    "observability.adapters.recorder.enabled=false")
            .run((context) -> {
                AdapterSnapshot recorder = context.getBean(ObservabilityManager.class).controls()
                    .adapter("recorder").orElseThrow();
                assertThat(recorder.dispatch()).isEqualTo(DispatchMode.ASYNC);
                assertThat(recorder.queueCapacity()).isEqualTo(16);
                assertThat(recorder.enabled()).isFalse();
            });
    }

    @Test
    void deliversLogEventsToAdapterBeansAtTheConfiguredLevel() {
        RecordingAdapter recorder = new RecordingAdapter("recorder");
        this.runner.withBean(RecordingAdapter.class, () -> recorder)
            .withPropertyValues("observability.logging.level=warn")
            .run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                manager.log(LogLevel.INFO, "dropped by level");
                manager.log(LogLevel.WARN, "kept");
                assertThat(recorder.events).extracting((event) -> event.message()).containsExactly("kept");
            });
    }

    @Test
    void switchesSignalsOffByProperty() {
        RecordingAdapter recorder = new RecordingAdapter("recorder");
        this.runner.withBean(RecordingAdapter.class, () -> recorder)
            .withPropertyValues("observability.logging.enabled=false")
            .run((context) -> {
                context.getBean(ObservabilityManager.class).log(LogLevel.ERROR, "not routed");
                assertThat(recorder.events).isEmpty();
            });
    }

    @Test
    void appliesCustomizersInOrder() {
        this.runner.withBean("second", ObservabilityManagerCustomizer.class,
                () -> (builder) -> builder.minimumLevel(LogLevel.ERROR))
            .withUserConfiguration(CustomizerConfiguration.class)
            .run((context) -> assertThat(context.getBean(ObservabilityManager.class).controls().minimumLevel())
                .isEqualTo(LogLevel.ERROR));
    }

    @Test
    void runsHealthCheckBeans() {
        this.runner.withBean(HealthCheck.class, () -> HealthCheck.of("database", AdapterHealth::up))
            .withPropertyValues("observability.health.interval=1h")
            .run((context) -> assertThat(context.getBean(ObservabilityManager.class).controls()
                .runHealthChecks().checks())
                .extracting((result) -> result.name()).containsExactly("database"));
    }

    @Test
    void putsBreakersInResilience4jsRegistry() {
        this.runner.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
            .withBean("recorder", RecordingAdapter.class, () -> new RecordingAdapter("recorder"))
            .run((context) -> {
                CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
                assertThat(registry.find("recorder")).get()
                    .isSameAs(Lanes.of(context.getBean(ObservabilityManager.class), "recorder").circuitBreaker());
            });
    }

    @Test
    void usesStandaloneBreakersWithoutResilience4jsSpringModule() {
        this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j.springboot"))
            .withBean("recorder", RecordingAdapter.class, () -> new RecordingAdapter("recorder"))
            .withPropertyValues("observability.circuit-breaker.wait-duration-in-open-state=10s")
            .run((context) -> {
                assertThat(context).doesNotHaveBean(CircuitBreakerRegistry.class);
                assertThat(Lanes.of(context.getBean(ObservabilityManager.class), "recorder")
                    .circuitBreaker().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                    .isEqualTo(10_000L);
            });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @org.springframework.context.annotation.Bean
        @org.springframework.core.annotation.Order(1)
        ObservabilityManagerCustomizer first() {
            return (builder) -> builder.minimumLevel(LogLevel.DEBUG).shutdownTimeout(Duration.ZERO);
        }
    }
}
