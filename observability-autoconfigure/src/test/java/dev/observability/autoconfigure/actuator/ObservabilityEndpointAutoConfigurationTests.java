package dev.observability.autoconfigure.actuator;

import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
        .withBean(JsonLoggingAdapter.class, () -> new JsonLoggingAdapter(OutputStream.nullOutputStream()));

    private final ApplicationContextRunner exposed = this.runner
        .withPropertyValues("management.endpoints.web.exposure.include=observability");

    @Test
    void isNotAvailableUnlessExposed() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(ObservabilityEndpoint.class));
    }

    @Test
    void listsAdaptersByNameWithConfiguredAndEffectiveStateAndCounters() {
        this.exposed.run((context) -> {
            Map<String, Object> body = context.getBean(ObservabilityEndpoint.class).adapters();
            assertThat(body).containsOnlyKeys("settings", "adapters", "refusals");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> adapters = (Map<String, Map<String, Object>>) body.get("adapters");
            assertThat(adapters).containsOnlyKeys(JsonLoggingAdapter.NAME);
            assertThat(adapters.get(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", true)
                .containsEntry("effectiveEnabled", true).containsEntry("signals", List.of("logging"))
                .containsKeys("status", "delivered", "dropped", "failed", "rejected", "queueDepth");
        });
    }

    @Test
    void describesOneAdapterAndNoneForAnUnknownName() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
            assertThat(endpoint.adapter("nope")).isNull();
        });
    }

    @Test
    void switchesAnAdapterOffAndOnWith204() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            WebEndpointResponse<Map<String, String>> off = endpoint.configure(JsonLoggingAdapter.NAME,
                    Map.of("enabled", false), null);
            assertThat(off.getStatus()).isEqualTo(204);
            assertThat(off.getBody()).isNull();
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", true)
                .containsEntry("effectiveEnabled", false).containsEntry("status", "DISABLED");
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, Map.of("enabled", "true"), null).getStatus())
                .isEqualTo(204);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
        });
    }

    @Test
    void nullReturnsAnAdapterToItsConfiguredState() {
        this.exposed.withPropertyValues("observability.adapters.json-logging.enabled=false").run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            endpoint.configure(JsonLoggingAdapter.NAME, Map.of("enabled", true), null);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", false)
                .containsEntry("effectiveEnabled", true);
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, nullValue("enabled"), null).getStatus())
                .isEqualTo(204);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", false);
        });
    }

    @Test
    void answers404ForAnUnknownAdapter() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            assertThat(endpoint.configure("nope", Map.of("enabled", false), null).getStatus()).isEqualTo(404);
            assertThat(endpoint.configure("nope", nullValue("enabled"), null).getStatus()).isEqualTo(404);
        });
    }

    @Test
    void answers400WithOneLineForAnythingButTrueFalseOrNull() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            for (Object bad : List.of("maybe", 0, "0", "yes", "TRUE", "", "two\nlines")) {
                WebEndpointResponse<Map<String, String>> answer = endpoint.configure(JsonLoggingAdapter.NAME,
                        Map.of("enabled", bad), null);
                assertThat(answer.getStatus()).as("%s", bad).isEqualTo(400);
                assertThat(answer.getBody()).hasEntrySatisfying("message", (message) -> assertThat(message)
                    .startsWith("enabled must be true, false or null").doesNotContain("\n"));
            }
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
        });
    }

    @Test
    void changesAnAdaptersSettingsByTheirNamesAndShowsTheConfiguredAndEffectiveValues() {
        this.exposed.withPropertyValues("observability.adapters.json-logging.dispatch.queue-capacity=1024")
            .run((context) -> {
                ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
                Map<String, Object> body = Map.of("circuit-breaker.failure-rate-threshold", "20",
                        "circuit-breaker.wait-duration-in-open-state", "10s", "dispatch.queue-capacity", "20000",
                        "signals.logging", "false");
                assertThat(endpoint.configure(JsonLoggingAdapter.NAME, body, null).getStatus()).isEqualTo(204);
                assertThat(settings(endpoint))
                    .containsEntry("circuit-breaker.failure-rate-threshold",
                            Map.of("configured", 50.0f, "effective", 20.0f))
                    .containsEntry("circuit-breaker.wait-duration-in-open-state",
                            Map.of("configured", "30s", "effective", "10s"))
                    .containsEntry("dispatch.queue-capacity", Map.of("configured", 1024, "effective", 20000))
                    .containsEntry("signals.logging", Map.of("configured", true, "effective", false));
                LaneSettings effective = controls(context).lane(JsonLoggingAdapter.NAME)
                    .orElseThrow().settings();
                assertThat(effective.queueCapacity()).isEqualTo(20000);
                assertThat(effective.circuitBreaker().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(10));
            });
    }

    @Test
    void showsTheDispatchModeTheLaneRunsInWhereTheSettingsLeaveItToTheAdapter() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            String preferred = context.getBean(JsonLoggingAdapter.class).preferredDispatch().name();
            assertThat(settings(endpoint)).extractingByKey("dispatch.mode").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("configured", null).containsEntry("effective", preferred);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("dispatch", preferred);
            String other = preferred.equals("ASYNC") ? "INLINE" : "ASYNC";
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, Map.of("dispatch.mode", other), null).getStatus())
                .isEqualTo(204);
            assertThat(settings(endpoint)).extractingByKey("dispatch.mode").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("configured", null).containsEntry("effective", other);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("dispatch", other);
        });
    }

    @Test
    void nullReturnsASettingAGroupOrWithAnEmptyBodyEverySettingToItsConfiguredValue() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            endpoint.configure(JsonLoggingAdapter.NAME, Map.of("circuit-breaker.failure-rate-threshold", "20",
                    "circuit-breaker.minimum-number-of-calls", "5", "dispatch.queue-capacity", "20000"), null);
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, nullValue("circuit-breaker"), null).getStatus())
                .isEqualTo(204);
            LaneSettings effective = controls(context).lane(JsonLoggingAdapter.NAME)
                .orElseThrow().settings();
            assertThat(effective.circuitBreaker()).isEqualTo(CircuitBreakerSettings.DEFAULTS);
            assertThat(effective.queueCapacity()).isEqualTo(20000);
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, Map.of(), null).getStatus()).as("an empty body")
                .isEqualTo(204);
            assertThat(controls(context).lane(JsonLoggingAdapter.NAME).orElseThrow()
                .settings()).as("every setting back to its configured value").isEqualTo(LaneSettings.DEFAULTS);
        });
    }

    @Test
    void answers400NamingTheSettingForAnUnknownKeyOrABadValueAndChangesNothing() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            LaneSettings before = controls(context).lane(JsonLoggingAdapter.NAME)
                .orElseThrow().settings();
            Map<Map<String, Object>, String> refusals = Map.of(
                    Map.of("circuit-breaker.failure-rate-threshold", "150", "dispatch.queue-capacity", "20000"),
                    "circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150",
                    Map.of("dispatch.queue-capacity", "0"),
                    "dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0",
                    Map.of("dispatch.queue-capacity", "1.5"),
                    "dispatch.queue-capacity must be a whole number from 1 to 1048576, not '1.5'",
                    Map.of("circuit-breaker.wait-duration-in-open-state", "soon"),
                    "circuit-breaker.wait-duration-in-open-state must be a duration from 1ms to 1d, not 'soon'",
                    Map.of("dispatch.mode", "later"), "dispatch.mode must be one of inline, async, not 'later'",
                    Map.of("circuit-breaker", "20"), "unknown setting 'circuit-breaker'",
                    Map.of("queue-capacity", "20000"), "unknown setting 'queue-capacity' (the settings are enabled, "
                            + "dispatch.mode, dispatch.queue-capacity, dispatch.max-delay, circuit-breaker.failure-rate-threshold");
            refusals.forEach((body, message) -> {
                WebEndpointResponse<Map<String, String>> answer = endpoint.configure(JsonLoggingAdapter.NAME, body,
                        null);
                assertThat(answer.getStatus()).as("%s", body).isEqualTo(400);
                assertThat(answer.getBody()).as("%s", body).hasEntrySatisfying("message",
                        (reason) -> assertThat(reason).startsWith(message).doesNotContain("\n"));
            });
            assertThat(controls(context).lane(JsonLoggingAdapter.NAME).orElseThrow()
                .settings()).isEqualTo(before);
        });
    }

    @Test
    void readsABodyNestedAsInTheYamlAsItReadsTheFlatNames() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            Map<String, Object> body = Map.of("circuit-breaker", Map.of("failure-rate-threshold", 20),
                    "dispatch", Map.of("queue-capacity", 20000), "signals", Map.of("logging", false));
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, body, null).getStatus()).isEqualTo(204);
            LaneSettings effective = controls(context).lane(JsonLoggingAdapter.NAME)
                .orElseThrow().settings();
            assertThat(effective.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
            assertThat(effective.queueCapacity()).isEqualTo(20000);
            assertThat(effective.isSignalEnabled(Signal.LOGGING)).isFalse();
            assertThat(endpoint.configureManager(Map.of("logging", Map.of("level", "debug")), null).getStatus())
                .isEqualTo(204);
            assertThat(controls(context).minimumLevel()).isEqualTo(LogLevel.DEBUG);
        });
    }

    @Test
    void refusesAMissingBodyWith400AndChangesNothing() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            ObservabilityControls controls = controls(context);
            endpoint.configure(JsonLoggingAdapter.NAME, Map.of("dispatch.queue-capacity", 20000), null);
            endpoint.configureManager(Map.of("metrics.enabled", false), null);
            String reason = "the body must be a JSON object of settings ({} returns every setting to its configured "
                    + "value); it is missing";
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, null, null).getBody())
                .containsExactly(Map.entry("message", reason));
            assertThat(endpoint.configureManager(null, null).getBody()).containsExactly(Map.entry("message", reason));
            assertThat(controls.lane(JsonLoggingAdapter.NAME).orElseThrow().settings().queueCapacity())
                .isEqualTo(20000);
            assertThat(controls.settings().isSignalEnabled(Signal.METRICS)).isFalse();
        });
    }

    @Test
    void takesWritesOverTheWebOnlyInASpringMvcApplication() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                    ObservabilityEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=observability")
            .run((context) -> assertThat(context).hasSingleBean(ObservabilityEndpointBodyAdvisor.class)
                .hasSingleBean(ObservabilityEndpointRequestBodyAdvice.class));
        this.exposed.run((context) -> assertThat(context).hasSingleBean(ObservabilityEndpoint.class)
            .doesNotHaveBean(ObservabilityEndpointBodyAdvisor.class)
            .doesNotHaveBean(ObservabilityEndpointRequestBodyAdvice.class));
    }

    @Test
    void changesTheManagersLevelAndSignalsAndShowsThem() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            ObservabilityControls controls = controls(context);
            Map<String, Object> body = Map.of("logging.level", "debug", "metrics.enabled", "false");
            assertThat(endpoint.configureManager(body, null).getStatus()).isEqualTo(204);
            assertThat(controls.settings().minimumLevel()).isEqualTo(LogLevel.DEBUG);
            assertThat(controls.settings().isSignalEnabled(Signal.METRICS)).isFalse();
            assertThat(endpoint.adapters()).extractingByKey("settings").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("logging.level", Map.of("configured", "INFO", "effective", "DEBUG"))
                .containsEntry("metrics.enabled", Map.of("configured", true, "effective", false));
            assertThat(endpoint.configureManager(Map.of("logging.level", "loud"), null).getBody())
                .containsEntry("message", "logging.level must be one of trace, debug, info, warn, error, not 'loud'");
            assertThat(endpoint.configureManager(nullValue("logging"), null).getStatus()).isEqualTo(204);
            assertThat(controls.settings().minimumLevel()).isEqualTo(LogLevel.INFO);
            assertThat(controls.settings().isSignalEnabled(Signal.METRICS)).as("not reset").isFalse();
        });
    }

    @Test
    void backsOffWithoutActuator() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                    ObservabilityEndpointAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
            .withPropertyValues("management.endpoints.web.exposure.include=observability")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ObservabilityEndpoint.class)
                .hasSingleBean(ObservabilityManager.class));
    }

    @Test
    void backsOffWhenObservabilityIsDisabled() {
        this.exposed.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityEndpoint.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(ObservabilityEndpoint endpoint) {
        return (Map<String, Object>) endpoint.adapter(JsonLoggingAdapter.NAME).get("settings");
    }

    private static Map<String, Object> nullValue(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put(key, null);
        return body;
    }

    @Test
    void usesTheUsersEndpoint() {
        ObservabilityEndpoint own = new ObservabilityEndpoint(ObservabilityManager.builder().build());
        this.exposed.withBean(ObservabilityEndpoint.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityEndpoint.class)).isSameAs(own));
    }

    private static ObservabilityControls controls(ApplicationContext context) {
        return context.getBean(ObservabilityManager.class).controls();
    }
}
