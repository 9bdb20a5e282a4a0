package dev.observability.autoconfigure.reliability;

import dev.observability.core.ObservabilityManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code observability} endpoint's write operation is not reachable over HTTP unless the user exposes it.
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
