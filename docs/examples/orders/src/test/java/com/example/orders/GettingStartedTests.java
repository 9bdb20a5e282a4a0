package com.example.orders;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * What docs/getting-started.md says the reader sees, on the page's own application: an order placed with the
 * page's request, its JSON log line, the {@code observability} endpoint and health, the Prometheus scrape, and the
 * runtime switch of step 5.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedTests {

    @LocalServerPort
    int port;

    private RestClient client() {
        return RestClient.create("http://127.0.0.1:" + this.port);
    }

    @Test
    void placingAnOrderLogsOneJsonLineInsideTheSpanAndCountsItInPrometheus(CapturedOutput output) {
        String answer = client().post().uri("/orders?region=eu").retrieve().body(String.class);
        assertThat(answer).isEqualTo("placed");
        assertThat(output.getOut().lines().filter((line) -> line.contains("\"message\":\"Order placed\"")))
            .singleElement()
            .asString()
            .containsPattern("^\\{\"timestamp\":\"[^\"]+Z\",\"level\":\"INFO\",\"logger\":\"application\","
                    + "\"thread\":\"[^\"]+\",\"message\":\"Order placed\",\"trace_id\":\"[0-9a-f]{32}\","
                    + "\"span_id\":\"[0-9a-f]{16}\",\"fields\":\\{\"region\":\"eu\"}}$");
        String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(scrape).contains("# HELP orders_placed_total Orders placed\n",
                "# TYPE orders_placed_total counter\n", "orders_placed_total{region=\"eu\"} ");
    }

    @Test
    void theEndpointDescribesThePrometheusAdapterWithItsStateAndAccount() {
        Map<String, Object> answer = client().get()
            .uri("/actuator/observability")
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() {
            });
        assertThat(answer).containsKeys("settings", "adapters", "refusals");
        Map<?, ?> adapters = (Map<?, ?>) answer.get("adapters");
        assertThat(adapters.get("prometheus")).asInstanceOf(MAP)
            .containsEntry("configuredEnabled", true)
            .containsEntry("effectiveEnabled", true)
            .containsEntry("signals", List.of("metrics"))
            .containsEntry("status", "UP")
            .containsEntry("dispatch", "INLINE")
            .containsEntry("circuitState", "CLOSED")
            .containsEntry("queueCapacity", 0)
            .containsKeys("queueDepth", "submitted", "delivered", "failed", "dropped", "rejected",
                    "rejectedCircuitOpen", "rejectedDisabled", "rejectedReentrant", "pending", "countsBySignal");
    }

    @Test
    void theHealthHasAnObservabilityComponentWithOneEntryPerAdapter() {
        Map<String, Object> health = client().get()
            .uri("/actuator/health/observability")
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() {
            });
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("components")).asInstanceOf(MAP)
            .containsKeys("prometheus", "file", "manager");
    }

    @Test
    void thePrometheusAdapterIsSwitchedOffAndOnAtRuntime() {
        assertThat(switchPrometheus(false)).isEqualTo(204);
        assertThat(prometheusAdapter()).containsEntry("effectiveEnabled", false).containsEntry("status", "DISABLED");
        assertThat(switchPrometheus(true)).isEqualTo(204);
        assertThat(prometheusAdapter()).containsEntry("effectiveEnabled", true);
    }

    private int switchPrometheus(boolean enabled) {
        return client().post()
            .uri("/actuator/observability/prometheus")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("enabled", enabled))
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
    }

    private Map<String, Object> prometheusAdapter() {
        return client().get()
            .uri("/actuator/observability/prometheus")
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() {
            });
    }
}
