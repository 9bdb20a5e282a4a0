package dev.observability.autoconfigure.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's console (and file) with the starter, in a real {@code SpringApplication}: one format from the first
 * start-up line to the shutdown summary, the application's own choice of format kept, plain text when switched
 * off, and the lanes' failure reports delivered to the healthy logging adapters.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootConsoleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final org.slf4j.Logger ORDERS = LoggerFactory.getLogger("com.example.Orders");

    /**
     * Starts an application. Boot's logging system keeps a structured format it applied as a system property, which
     * a second application in the same JVM would inherit: each start begins without it, as a new process does.
     */
    static ConfigurableApplicationContext start(Class<?> configuration, String... properties) {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .properties(properties)
            .run();
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter((line) -> !line.isBlank()).toList();
    }

    @Test
    void everyLineFromTheFirstStartUpLineToTheShutdownSummaryIsOneOfTheStartersJsonLines(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Application.class)) {
            ORDERS.atInfo().addKeyValue("order", 7).log("placed");
            context.getBean(ObservabilityManager.class).log(dev.observability.core.spi.LogLevel.WARN, "manager");
        }
        List<String> lines = lines(output.getOut());
        assertThat(lines.get(0)).contains("Starting ");
        assertThat(lines.get(lines.size() - 1)).contains("Observability stopped: recorder[");
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            assertThat(json.propertyNames()).as(line).startsWith("timestamp", "level", "logger", "thread", "message");
        }
        assertThat(lines).filteredOn((line) -> line.contains("\"message\":\"placed\"")).singleElement()
            .satisfies((line) -> assertThat(JSON.readTree(line).get("fields").get("order").asInt()).isEqualTo(7));
        assertThat(lines).filteredOn((line) -> line.contains("\"message\":\"manager\"")).hasSize(1);
    }

    @Test
    void theApplicationsOwnFormatWinsAndEachEventStillReachesTheAdaptersOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Application.class,
                "logging.structured.format.console=ecs")) {
            ORDERS.info("in ecs");
            context.getBean(ObservabilityManager.class).log(dev.observability.core.spi.LogLevel.INFO, "mine");
            Recorder recorder = context.getBean(Recorder.class);
            assertThat(recorder.messages()).containsOnlyOnce("in ecs", "mine");
            assertThat(recorder.messages().stream().filter("in ecs"::equals)).hasSize(1);
            assertThat(recorder.messages().stream().filter("mine"::equals)).hasSize(1);
        }
        for (String line : lines(output.getOut())) {
            JsonNode json = JSON.readTree(line);
            assertThat(json.has("@timestamp")).as(line).isTrue();
            assertThat(json.has("ecs")).as(line).isTrue();
            assertThat(json.has("timestamp")).as(line).isFalse();
        }
    }

    @Test
    void switchedOffBootsConsoleIsPlainText(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Application.class,
                "observability.json-logging.enabled=false")) {
            ORDERS.info("in text");
        }
        assertThat(lines(output.getOut())).filteredOn((line) -> line.contains("in text")).singleElement()
            .satisfies((line) -> assertThat(line).doesNotStartWith("{").contains("INFO"));
        assertThat(lines(output.getOut())).noneMatch((line) -> line.startsWith("{"));
    }

    @Test
    void theLogFileHasTheSameFormatUnlessTheApplicationChoseOne(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("app.log");
        try (ConfigurableApplicationContext context = start(Application.class,
                "logging.file.name=" + file)) {
            ORDERS.info("in the file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).anyMatch((line) -> line.contains("\"message\":\"in the file\""));
        lines.forEach((line) -> assertThat(JSON.readTree(line).has("timestamp")).as(line).isTrue());
        Path logstash = directory.resolve("logstash.log");
        try (ConfigurableApplicationContext context = start(Application.class,
                "logging.file.name=" + logstash, "logging.structured.format.file=logstash")) {
            ORDERS.info("in logstash");
        }
        Files.readAllLines(logstash, StandardCharsets.UTF_8)
            .forEach((line) -> assertThat(JSON.readTree(line).has("@version")).as(line).isTrue());
    }

    @Test
    void aLanesFailureReportReachesTheHealthyAdapterAndNeverTheFailingOne() {
        try (ConfigurableApplicationContext context = start(FailingNextToHealthy.class)) {
            ORDERS.info("order placed");
            Healthy healthy = context.getBean(Healthy.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            await().atMost(Duration.ofSeconds(10))
                .until(() -> healthy.received.stream()
                    .anyMatch((message) -> message.startsWith("Observability adapter 'throwing' failed 1 time(s)")));
            await().atMost(Duration.ofSeconds(10))
                .until(() -> manager.controls().lane("healthy").orElseThrow().counts(Signal.LOGGING).pending() == 0);
            SignalCounts healthyCounts = manager.controls().lane("healthy").orElseThrow().counts(Signal.LOGGING);
            SignalCounts throwingCounts = manager.controls().lane("throwing").orElseThrow().counts(Signal.LOGGING);
            assertThat(healthyCounts.dropped()).isZero();
            assertThat(healthyCounts.rejected()).isZero();
            assertThat(throwingCounts.dropped()).isZero();
            assertThat(throwingCounts.rejectedReentrant()).as("its own report, refused on its own thread")
                .isEqualTo(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, LogbackBridgeAutoConfiguration.class })
    static class Application {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, LogbackBridgeAutoConfiguration.class })
    static class FailingNextToHealthy {

        @Bean
        Healthy healthy() {
            return new Healthy();
        }

        @Bean
        LoggingAdapter throwing() {
            return new ThrowingLoggingAdapter();
        }
    }

    /** A custom logging adapter (INLINE, so tests need not wait) that keeps the messages it receives. */
    static final class Recorder extends dev.observability.autoconfigure.RecordingAdapter {

        Recorder() {
            super("recorder");
        }

        List<String> messages() {
            return this.events.stream().map(LogEvent::message).toList();
        }
    }

    /** A healthy custom logging adapter on an ASYNC lane (the default). */
    static final class Healthy implements LoggingAdapter {

        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        public String name() {
            return "healthy";
        }

        @Override
        public void log(LogEvent event) {
            this.received.add(event.message());
        }
    }
}
