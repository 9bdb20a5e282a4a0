package com.example;

import java.io.IOException;
import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/opentelemetry.md on a user's application: with Boot's OpenTelemetry starter, each signal is an adapter of its
 * own, the page's configuration sends traces, metrics and logs to one collector (here a receiver on loopback in place
 * of {@code collector:4318}), and a manager span opened in a request shares the request's trace id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneCollectorTests {

    private static final OtlpReceiver collector = startCollector();

    @LocalServerPort
    int port;

    @Autowired
    ObservabilityManager manager;

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> collector.url("/v1/traces"));
        registry.add("management.opentelemetry.logging.export.otlp.endpoint", () -> collector.url("/v1/logs"));
        registry.add("management.otlp.metrics.export.url", () -> collector.url("/v1/metrics"));
        registry.add("management.otlp.metrics.export.step", () -> "1s");
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Test
    void eachSignalIsAnAdapterOfItsOwn() {
        assertThat(this.manager.controls().adapters()).extracting(AdapterSnapshot::name)
            .contains("opentelemetry-traces", "opentelemetry-metrics", "opentelemetry-logs");
    }

    @Test
    void aManagerSpanInARequestSharesTheRequestsTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String answer = client().get()
            .uri("/traced")
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .retrieve()
            .body(String.class);
        assertThat(answer).isEqualTo(traceId);
    }

    @Test
    void tracesMetricsAndLogsReachTheOneCollector() {
        client().get().uri("/traced").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(collector.paths()).contains("/v1/traces", "/v1/metrics", "/v1/logs"));
    }

    private RestClient client() {
        return RestClient.create("http://127.0.0.1:" + this.port);
    }

    private static OtlpReceiver startCollector() {
        try {
            return OtlpReceiver.start();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
