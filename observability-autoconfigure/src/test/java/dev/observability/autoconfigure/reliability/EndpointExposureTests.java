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
 * The {@code observability} endpoint is not reachable over HTTP unless the user exposes it; exposed, it reads, and its
 * write operations answer as Boot answers for an operation the endpoint's access does not grant (405 Method Not
 * Allowed) until the user grants write access ({@code management.endpoint.observability.access=unrestricted}); then
 * they take the settings by their kebab-case names.
 */
class EndpointExposureTests {

    private static final String EXPOSED = "management.endpoints.web.exposure.include=health,observability";

    @Test
    void withTheDefaultsTheEndpointIsNotReachableOverHttp() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            Http http = new Http(port(context));
            assertThat(http.post("/actuator/observability/toggled", "{\"enabled\":false}").statusCode()).isEqualTo(404);
            assertThat(http.get("/actuator/observability").statusCode()).isEqualTo(404);
            assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
            assertThat(context.getBean(ObservabilityManager.class).controls()
                .adapter("toggled").orElseThrow().enabled())
                .as("the adapter was not switched").isTrue();
        }
    }

    @Test
    void exposedTheEndpointReadsAndRefusesWritesAsBootDoesUntilWriteAccessIsGranted() throws Exception {
        try (ConfigurableApplicationContext context = start(EXPOSED)) {
            Http http = new Http(port(context));
            assertThat(http.get("/actuator/observability").statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/observability/toggled").statusCode()).isEqualTo(200);
            for (String path : new String[] { "/actuator/observability/toggled", "/actuator/observability" }) {
                HttpResponse<String> refused = http.post(path, "{\"enabled\": false, \"metrics.enabled\": false}");
                assertThat(refused.statusCode()).as(path).isEqualTo(405);
                assertThat(refused.headers().allValues("Allow")).as(path).containsExactly("GET");
            }
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            assertThat(manager.controls().adapter("toggled").orElseThrow().enabled()).isTrue();
            assertThat(manager.controls().lane("toggled").orElseThrow().settingsChanges()).isZero();
            assertThat(manager.controls().settingsChanges()).isZero();
        }
    }

    @Test
    void withWriteAccessGrantedTheWriteOperationsTakeSettingsByTheirKebabCaseNames() throws Exception {
        try (ConfigurableApplicationContext context = start(EXPOSED,
                "management.endpoint.observability.access=unrestricted")) {
            Http http = new Http(port(context));
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            assertThat(http.post("/actuator/observability/toggled", "{\"enabled\":false}").statusCode()).isEqualTo(204);
            assertThat(manager.controls().adapter("toggled").orElseThrow().enabled()).isFalse();
            assertThat(http.post("/actuator/observability/no-such-adapter", "{\"enabled\":false}").statusCode())
                .isEqualTo(404);
            String change = "{\"circuit-breaker.failure-rate-threshold\": 20, "
                    + "\"circuit-breaker.wait-duration-in-open-state\": \"10s\", \"dispatch.queue-capacity\": 20000}";
            HttpResponse<String> changed = http.post("/actuator/observability/toggled", change);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
            LaneSettings settings = manager.controls().lane("toggled").orElseThrow().settings();
            assertThat(settings.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
            assertThat(settings.queueCapacity()).isEqualTo(20000);
            HttpResponse<String> unknown = http.post("/actuator/observability/toggled", "{\"queue-capacity\": 5}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown setting 'queue-capacity'");
            assertThat(http.post("/actuator/observability", "{\"logging.level\": \"warn\"}").statusCode())
                .isEqualTo(204);
            assertThat(manager.controls().minimumLevel()).isEqualTo(LogLevel.WARN);
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
