package dev.observability.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import dev.observability.sample.SampleClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real backend: Zipkin server 3.5.1 (fetched from Maven Central by the build) on loopback, the sample exporting
 * through Boot's Zipkin support on the same OpenTelemetry SDK. The test takes the trace id from the JSON log line the
 * handler printed and finds that trace through Zipkin's API, with the manager span as the HTTP span's child.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "spring.application.name=zipkin-e2e" })
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ZipkinEndToEndTests {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static Process zipkin;

    private static int zipkinPort;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startZipkin() throws Exception {
        Path jar = Path.of(System.getProperty("zipkin.server.jar", "target/zipkin/zipkin-server-exec.jar"));
        assertThat(jar).as("the build copies zipkin-server exec into target/zipkin").exists();
        zipkinPort = SampleClient.freeLoopbackPort();
        Path log = Files.createTempFile("zipkin", ".log");
        zipkin = new ProcessBuilder(javaBinary(), "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + zipkinPort, "--armeria.ports[0].protocols[0]=http")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .until(() -> zipkinGet("/health").status() == 200);
    }

    @AfterAll
    static void stopZipkin() throws InterruptedException {
        if (zipkin != null) {
            zipkin.destroy();
            if (!zipkin.waitFor(10, TimeUnit.SECONDS)) {
                zipkin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @DynamicPropertySource
    static void zipkinEndpoint(DynamicPropertyRegistry registry) {
        registry.add("management.tracing.export.zipkin.endpoint",
                () -> "http://127.0.0.1:" + zipkinPort + "/api/v2/spans");
    }

    @Test
    void theTraceNamedInTheJsonLogLineIsInZipkinWithTheManagerSpanUnderTheHttpSpan(CapturedOutput output)
            throws Exception {
        assertThat(SampleClient.get("http://127.0.0.1:" + this.port + "/trace").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> !SampleClient.jsonLinesWithMessage(output.getOut(), "Handling /trace").isEmpty());
        JsonNode logLine = SampleClient.jsonLinesWithMessage(output.getOut(), "Handling /trace").get(0);
        String traceId = logLine.path("trace_id").asString();
        String spanId = logLine.path("span_id").asString();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
            .until(() -> spans(zipkinGet("/api/v2/trace/" + traceId).body()).size() >= 4);
        List<JsonNode> trace = spans(zipkinGet("/api/v2/trace/" + traceId).body());
        JsonNode manager = trace.stream().filter((span) -> span.path("name").asString().equals("sample.trace"))
            .findFirst().orElseThrow();
        JsonNode server = trace.stream()
            .filter((span) -> "SERVER".equals(span.path("kind").asString())
                    && span.path("name").asString().endsWith(" /trace"))
            .findFirst().orElseThrow(() -> new AssertionError("no HTTP server span for /trace in " + trace));
        assertThat(manager.path("id").asString()).isEqualTo(spanId);
        assertThat(manager.path("parentId").asString()).isEqualTo(server.path("id").asString());
        assertThat(manager.path("localEndpoint").path("serviceName").asString()).isEqualTo("zipkin-e2e");
        assertThat(manager.path("tags").path("sample.endpoint").asString()).isEqualTo("/trace");
    }

    private static List<JsonNode> spans(JsonNode trace) {
        return StreamSupport.stream(trace.spliterator(), false).toList();
    }

    private static Answer zipkinGet(String path) throws IOException, InterruptedException {
        return SampleClient.get("http://127.0.0.1:" + zipkinPort + path);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
