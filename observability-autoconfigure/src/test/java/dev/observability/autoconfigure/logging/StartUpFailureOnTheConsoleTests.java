package dev.observability.autoconfigure.logging;

import java.util.List;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Boot's report of a bad property value as docs/configuration.md shows it: one JSON line on the starter's console,
 * the report in its {@code message}, and the report's own lines on Boot's plain text console.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureOnTheConsoleTests {

    private static final String BAD_VALUE = "observability.health.failure-threshold=101";

    private static final String REPORTED_PROPERTY = "    Property: observability.health.failureThreshold\n"
            + "    Value: \"101\"\n";

    @Test
    void theJsonConsolePrintsTheReportAsOneLineWithItsTextInTheMessage(CapturedOutput output) {
        assertThatException().isThrownBy(() -> BootConsoleTests.start(Application.class, BAD_VALUE));
        List<String> report = BootConsoleTests.lines(output.getOut())
            .stream()
            .filter((line) -> line.contains("APPLICATION FAILED TO START"))
            .toList();
        assertThat(report).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(report.get(0));
        assertThat(line.get("level").asString()).isEqualTo("ERROR");
        assertThat(line.get("logger").asString())
            .isEqualTo("org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");
        assertThat(line.get("message").asString()).contains("\nAPPLICATION FAILED TO START\n", REPORTED_PROPERTY,
                "\nAction:\n\nUpdate your application's configuration");
    }

    @Test
    void thePlainTextConsolePrintsTheReportsLines(CapturedOutput output) {
        assertThatException().isThrownBy(() -> BootConsoleTests.start(Application.class, BAD_VALUE,
                "observability.json-logging.enabled=false"));
        assertThat(output.getOut()).contains("\nAPPLICATION FAILED TO START\n", REPORTED_PROPERTY)
            .doesNotContain("{\"timestamp\"");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservabilityAutoConfiguration.class)
    static class Application {

    }
}
