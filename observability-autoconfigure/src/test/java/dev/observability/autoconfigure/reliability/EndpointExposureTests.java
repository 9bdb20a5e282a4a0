package dev.observability.autoconfigure.reliability;

import java.net.http.HttpResponse;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.LogLevel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code observability} endpoint's write operations are not reachable over HTTP unless the user exposes them
 * (and not at all with read-only access); once exposed, they take the settings by their kebab-case names.
 */
class EndpointExposureTests {

    @Test
    void withTheDefaultsTheEndpointIsNotReachableOverHttp() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            Http http = new Http(port(context));
            assertThat(http.post("/actuator/observability/toggled", "{\"enabled\":false}").statusCode()).isEqualTo(404);
            assertThat(http.get("/actuator/observability").statusCode()).isEqualTo(404);
            assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
            assertThat(context.getBean(ObservabilityManager.class).adapter("toggled").orElseThrow().enabled())
                .as("the adapter was not switched").isTrue();
        }
    }

    @Test
    void onceExposedTheWriteOperationSwitchesTheAdapter() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "management.endpoints.web.exposure.include=health,observability")) {
            Http http = new Http(port(context));
            assertThat(http.post("/actuator/observability/toggled", "{\"enabled\":false}").statusCode()).isEqualTo(204);
            assertThat(context.getBean(ObservabilityManager.class).adapter("toggled").orElseThrow().enabled())
                .isFalse();
            assertThat(http.post("/actuator/observability/no-such-adapter", "{\"enabled\":false}").statusCode())
                .isEqualTo(404);
        }
    }

    @Test
    void onceExposedTheWriteOperationTakesSettingsByTheirKebabCaseNamesAndRefusesUnknownOnes() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "management.endpoints.web.exposure.include=health,observability")) {
            Http http = new Http(port(context));
            String change = "{\"circuit-breaker.failure-rate-threshold\": 20, "
                    + "\"circuit-breaker.wait-duration-in-open-state\": \"10s\", \"dispatch.queue-capacity\": 20000}";
            HttpResponse<String> changed = http.post("/actuator/observability/toggled", change);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
            LaneSettings settings = context.getBean(ObservabilityManager.class).lane("toggled").orElseThrow().settings();
            assertThat(settings.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
            assertThat(settings.queueCapacity()).isEqualTo(20000);
            HttpResponse<String> unknown = http.post("/actuator/observability/toggled", "{\"queue-capacity\": 5}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown setting 'queue-capacity'");
            assertThat(http.post("/actuator/observability", "{\"logging.level\": \"warn\"}").statusCode())
                .isEqualTo(204);
            assertThat(context.getBean(ObservabilityManager.class).minimumLevel()).isEqualTo(LogLevel.WARN);
        }
    }

    @Test
    void withReadOnlyAccessNoSettingChanges() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "management.endpoints.web.exposure.include=health,observability",
                "management.endpoint.observability.access=read_only")) {
            Http http = new Http(port(context));
            assertThat(http.get("/actuator/observability").statusCode()).isEqualTo(200);
            assertThat(http.post("/actuator/observability/toggled", "{\"dispatch.queue-capacity\": 5}")
                .statusCode()).isIn(404, 405);
            assertThat(http.post("/actuator/observability", "{\"metrics.enabled\": false}").statusCode())
                .isIn(404, 405);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            assertThat(manager.lane("toggled").orElseThrow().settingsChanges()).isZero();
            assertThat(manager.settingsChanges()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ReliabilityTestApplication.class)
            .properties("server.port=0", "server.address=127.0.0.1", "observability.json-logging.enabled=false")
            .properties(properties)
            .run();
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
