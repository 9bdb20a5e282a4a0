package dev.observability.autoconfigure.reliability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.logs.OpenTelemetryLogsAdapter;
import dev.observability.autoconfigure.opentelemetry.metrics.OpenTelemetryMetricsAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.spi.AdapterHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Credentials configured for every backend never show: a real application on a random loopback port exports traces,
 * metrics and logs over OTLP with user info and a query-string token in each exporter's URL and an
 * {@code Authorization} header, to a port where nothing listens, and a custom adapter's backend fails with its URL
 * (credentials included) in the exception and in its health. Once every failure is recorded, every Actuator endpoint
 * the application exposes (health with details, the {@code observability} endpoint and each adapter's path, every
 * meter with its tags, the Prometheus scrape) and everything the console printed is read: no password, token or
 * header value is in any of them, and the failures still say where the calls went.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretShownTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INGEST = "ingest";

    private final Map<String, String> secrets = new LinkedHashMap<>();

    @Test
    void noEndpointAndNoConsoleLineShowsACredentialWhileEveryBackendFails(CapturedOutput console) throws Exception {
        String collector = "127.0.0.1:" + BackendsDownForALongTimeTests.freeLoopbackPort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsApplication.class)
            .properties("server.port=0", "server.address=127.0.0.1",
                    "management.endpoints.web.exposure.include=health,observability,metrics,prometheus",
                    "management.endpoint.health.show-details=always", "management.tracing.sampling.probability=1.0",
                    "management.opentelemetry.tracing.export.otlp.endpoint="
                            + url("traces", collector + OtlpHttpTestReceiver.TRACES_PATH),
                    "management.opentelemetry.tracing.export.otlp.headers.Authorization=" + header("traces"),
                    "management.opentelemetry.tracing.export.otlp.timeout=1s",
                    "management.opentelemetry.tracing.export.schedule-delay=100ms",
                    "management.opentelemetry.logging.export.otlp.endpoint="
                            + url("logs", collector + OtlpHttpTestReceiver.LOGS_PATH),
                    "management.opentelemetry.logging.export.otlp.headers.Authorization=" + header("logs"),
                    "management.opentelemetry.logging.export.otlp.timeout=1s",
                    "management.opentelemetry.logging.export.schedule-delay=100ms",
                    "management.otlp.metrics.export.url=" + url("metrics", collector + OtlpHttpTestReceiver.METRICS_PATH),
                    "management.otlp.metrics.export.headers.Authorization=" + header("metrics"),
                    "management.otlp.metrics.export.step=1s", "observability.health.interval=500ms",
                    // Micrometer's own start-up line prints the metrics URL as configured (docs/opentelemetry.md)
                    "logging.level.io.micrometer.core.instrument.push.PushMeterRegistry=warn",
                    // the breaker stays closed, so the health shows the custom adapter's own message and details
                    "observability.adapters." + INGEST + ".circuit-breaker.sliding-window-size=10000",
                    "observability.adapters." + INGEST + ".circuit-breaker.minimum-number-of-calls=10000",
                    "test.ingest.url=" + url(INGEST, "ingest.example:8443/v1/events"))
            .run()) {
            Http http = new Http(EndpointExposureTests.port(context));
            await("every backend's failure recorded in health and reported in the log").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(http.get("/work").statusCode()).isEqualTo(200);
                    JsonNode adapters = json(http.get("/actuator/health/observability")).path("components");
                    assertThat(message(adapters, OpenTelemetryAdapter.NAME)).startsWith("the last span export failed");
                    assertThat(message(adapters, OpenTelemetryLogsAdapter.NAME))
                        .startsWith("the last log export failed");
                    assertThat(message(adapters, OpenTelemetryMetricsAdapter.NAME))
                        .startsWith("the last metrics publish failed");
                    assertThat(json(http.get("/actuator/health/observability/" + INGEST)).path("details")
                        .path("lastError").asString()).isNotEmpty();
                    for (String adapter : List.of(OpenTelemetryAdapter.NAME, OpenTelemetryLogsAdapter.NAME,
                            OpenTelemetryMetricsAdapter.NAME, INGEST)) {
                        assertThat(console.getAll()).contains("Observability adapter '" + adapter + "' failed");
                    }
                });

            Map<String, String> shown = everythingShown(http);
            shown.put("the console", console.getAll());
            shown.forEach((where, text) -> this.secrets.forEach((secret, value) -> assertThat(text)
                .as("%s shows the %s", where, secret).doesNotContain(value)));

            JsonNode adapters = json(http.get("/actuator/health/observability")).path("components");
            assertThat(message(adapters, OpenTelemetryMetricsAdapter.NAME)).as("where the metrics went")
                .contains("to http://******@" + collector + OtlpHttpTestReceiver.METRICS_PATH + "?******: ");
            JsonNode ingest = adapters.path(INGEST).path("details");
            assertThat(ingest.path("lastError").asString()).as("where the custom adapter's calls went")
                .isEqualTo("java.lang.IllegalStateException: POST https://******@ingest.example:8443/v1/events?****** failed");
            assertThat(ingest.path("message").asString())
                .isEqualTo("cannot reach https://******@ingest.example:8443/v1/events?******");
            assertThat(ingest.path("health").path("endpoint").asString())
                .isEqualTo("https://******@ingest.example:8443/v1/events?******");
            assertThat(console.getAll()).contains("https://******@ingest.example:8443/v1/events?****** failed");
        }
    }

    /** @return every Actuator response the application serves for these adapters, by path */
    private static Map<String, String> everythingShown(Http http) throws Exception {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/actuator", "/actuator/health", "/actuator/health/observability",
                "/actuator/observability", "/actuator/metrics", "/actuator/prometheus"));
        json(http.get("/actuator/observability")).path("adapters").propertyNames()
            .forEach((adapter) -> {
                paths.add("/actuator/observability/" + adapter);
                paths.add("/actuator/health/observability/" + adapter);
            });
        json(http.get("/actuator/metrics")).path("names")
            .forEach((meter) -> paths.add("/actuator/metrics/" + meter.asString()));
        assertThat(paths).as("the self-metrics are read").anyMatch((path) -> path.contains("observability.adapter."));
        for (String path : paths) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            shown.put(path, response.body());
        }
        return shown;
    }

    private String url(String backend, String hostAndPath) {
        return "http" + (backend.equals(INGEST) ? "s" : "") + "://" + backend + "-user:" + secret(backend, "password")
                + "@" + hostAndPath + "?token=" + secret(backend, "token");
    }

    private String header(String backend) {
        return "Bearer " + secret(backend, "header");
    }

    private String secret(String backend, String kind) {
        String value = kind.toUpperCase(Locale.ROOT) + UUID.randomUUID().toString().substring(0, 8);
        this.secrets.put(backend + " " + kind, value);
        return value;
    }

    private static String message(JsonNode adapters, String adapter) {
        return adapters.path(adapter).path("details").path("message").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * The application: an endpoint that logs a line (its request makes a span, its line a log record, Boot's
     * meters count it), and a custom adapter whose backend refuses every call with its full URL in the error, and
     * shows that URL in its health.
     */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SecretsApplication {

        @Bean
        ChaosAdapter ingest(Environment environment) {
            String url = environment.getRequiredProperty("test.ingest.url");
            return new ChaosAdapter(INGEST, () -> {
                throw new IllegalStateException("POST " + url + " failed");
            }, () -> AdapterHealth.down("cannot reach " + url).withDetail("endpoint", url));
        }

        @Bean
        WorkController workController() {
            return new WorkController();
        }
    }

    @RestController
    static class WorkController {

        private static final Logger logger = LoggerFactory.getLogger(WorkController.class);

        @GetMapping("/work")
        String work() {
            logger.info("working");
            return "done";
        }
    }
}
