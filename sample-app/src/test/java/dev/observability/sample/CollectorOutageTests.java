package dev.observability.sample;

import java.io.IOException;
import java.time.Duration;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.sample.SampleClient.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OTLP collector is down when the application starts: the application starts and serves, the OpenTelemetry
 * adapter's health component shows the failed exports while the overall health stays UP, and once a collector
 * listens on that port the spans flow again, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false",
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "management.opentelemetry.tracing.export.timeout=2s",
                "management.endpoint.health.show-details=always", "observability.health.interval=1s" })
@AutoConfigureTracing
class CollectorOutageTests {

    private static final int COLLECTOR_PORT = SampleClient.freeLoopbackPort();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR_PORT + OtlpHttpTestReceiver.TRACES_PATH);
    }

    @Test
    void servesWhileTheCollectorIsDownShowsItInHealthAndRecoversWhenItComesUp() throws Exception {
        assertThat(trace().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
            .until(() -> !"UP".equals(adapterStatus(health())));
        JsonNode health = health();
        assertThat(health.path("status").asString()).as("overall health").isEqualTo("UP");
        assertThat(openTelemetry(health).path("details").toString()).contains("the last span export failed");

        try (OtlpHttpTestReceiver collector = OtlpHttpTestReceiver.start(COLLECTOR_PORT)) {
            String traceId = trace().body().path("traceId").asString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> collector.spans().stream().anyMatch((span) -> span.traceId().equals(traceId)
                        && span.span().getName().equals("sample.trace")));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "UP".equals(adapterStatus(health())));
        }
    }

    private Answer trace() throws IOException, InterruptedException {
        return SampleClient.get("http://127.0.0.1:" + this.port + "/trace");
    }

    private JsonNode health() throws IOException, InterruptedException {
        return SampleClient.get("http://127.0.0.1:" + this.port + "/actuator/health").body();
    }

    private static JsonNode openTelemetry(JsonNode health) {
        return health.path("components").path("observability").path("components").path("opentelemetry-traces");
    }

    private static String adapterStatus(JsonNode health) {
        return openTelemetry(health).path("status").asString();
    }
}
