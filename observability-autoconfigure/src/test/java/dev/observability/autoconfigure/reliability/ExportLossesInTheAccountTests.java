package dev.observability.autoconfigure.reliability;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.logs.OpenTelemetryLogsAdapter;
import dev.observability.autoconfigure.opentelemetry.metrics.OpenTelemetryMetricsAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's OpenTelemetry SDK exports spans, log records and metrics over OTLP to a loopback port where nothing listens:
 * every lane delivers (its account shows no loss), while the backend loses everything. The
 * {@code observability} endpoint shows, over HTTP, each adapter's export figures next to its account, and the
 * shutdown summary's line for each adapter ends with the same figures.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExportLossesInTheAccountTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> ADAPTERS = List.of(OpenTelemetryAdapter.NAME, OpenTelemetryLogsAdapter.NAME,
            OpenTelemetryMetricsAdapter.NAME);

    @Test
    void theEndpointAndTheShutdownSummaryShowWhatTheBackendLost(CapturedOutput output) throws Exception {
        String collector = "http://127.0.0.1:" + BackendsDownForALongTimeTests.freeLoopbackPort();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
            .properties("server.port=0", "server.address=127.0.0.1",
                    "management.endpoints.web.exposure.include=observability",
                    "management.tracing.sampling.probability=1.0",
                    "management.opentelemetry.tracing.export.otlp.endpoint=" + collector
                            + OtlpHttpTestReceiver.TRACES_PATH,
                    "management.opentelemetry.tracing.export.otlp.timeout=1s",
                    "management.opentelemetry.tracing.export.schedule-delay=50ms",
                    "management.opentelemetry.logging.export.otlp.endpoint=" + collector
                            + OtlpHttpTestReceiver.LOGS_PATH,
                    "management.opentelemetry.logging.export.otlp.timeout=1s",
                    "management.opentelemetry.logging.export.schedule-delay=50ms",
                    "management.otlp.metrics.export.url=" + collector + OtlpHttpTestReceiver.METRICS_PATH,
                    "management.otlp.metrics.export.step=200ms",
                    "management.otlp.metrics.export.connect-timeout=1s",
                    "observability.health.interval=200ms")
            .run();
        try {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            Http http = new Http(EndpointExposureTests.port(context));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Span span = manager.startSpan("lost");
                span.close();
                LoggerFactory.getLogger("com.example.Orders").info("order lost on the way");
                JsonNode adapters = JSON.readTree(http.get("/actuator/observability").body()).get("adapters");
                for (String name : ADAPTERS) {
                    JsonNode adapter = adapters.get(name);
                    assertThat(adapter.get("failed").asLong()).as("%s: the lane's failed calls", name).isZero();
                    assertThat(adapter.get("exports").get("failed").asLong()).as("%s: failed exports", name)
                        .isPositive();
                    assertThat(adapter.get("exports").get("exported").asLong()).as("%s: exported", name).isZero();
                }
                assertThat(adapters.get(OpenTelemetryAdapter.NAME).get("exports").get("items").asString())
                    .isEqualTo("spans");
            });
            context.close();
            String summary = output.getOut().lines().filter((line) -> line.contains("Observability stopped:"))
                .reduce((first, last) -> last).orElseThrow();
            for (String name : ADAPTERS) {
                Matcher exports = Pattern.compile(Pattern.quote(name) + "\\[delivered=\\d+ failed=0 dropped=0 "
                        + "rejected=0 pending=0; (spans|records|publishes) exported=0 failed=(\\d+) refused=0 "
                        + "droppedOrQueued=\\d+\\]").matcher(summary);
                assertThat(exports.find()).as("%s in %s", name, summary).isTrue();
                assertThat(Long.parseLong(exports.group(2))).as("%s: failed exports in the summary", name)
                    .isPositive();
            }
        }
        finally {
            context.close();
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }
}
