package dev.observability.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped alert rules ({@link MonitoringFiles#ALERT_RULES}) as Prometheus' own {@code promtool} sees them: the
 * file passes {@code promtool check rules}, and its unit tests ({@link MonitoringFiles#ALERT_RULE_TESTS}) pass
 * {@code promtool test rules} and evaluate every alert where its series fire it and where they do not. The
 * {@code promtool} runs are skipped, with the reason, where it is not installed ({@link PrometheusInstallation}).
 */
class AlertRulesPromtoolTests {

    /** How long one {@code promtool} run may take; it answers in well under a second. */
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path directory;

    @Test
    void promtoolChecksTheRulesFile() throws Exception {
        String output = promtool("check", "rules", MonitoringFiles.ALERT_RULES.toString());
        assertThat(output).contains("SUCCESS: " + MonitoringFiles.alertRules().size() + " rules found");
    }

    @Test
    void promtoolPassesTheRulesUnitTests() throws Exception {
        String output = promtool("test", "rules", MonitoringFiles.ALERT_RULE_TESTS.toString());
        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void theUnitTestsEvaluateEveryAlertFiringAndNotFiring() throws Exception {
        List<Map<String, Object>> evaluations = MonitoringFiles.alertRuleEvaluations();
        assertThat(MonitoringFiles.alertRules()).allSatisfy((rule) -> {
            Object alert = rule.get("alert");
            List<Map<String, Object>> ofTheAlert = evaluations.stream()
                .filter((evaluation) -> alert.equals(evaluation.get("alertname")))
                .toList();
            assertThat(ofTheAlert).as("an evaluation of %s where it does not fire", alert)
                .anySatisfy((evaluation) -> assertThat(expectedAlerts(evaluation)).isEmpty());
            assertThat(ofTheAlert).as("an evaluation of %s where it fires", alert)
                .anySatisfy((evaluation) -> assertThat(expectedAlerts(evaluation)).isNotEmpty());
        });
    }

    /**
     * Runs {@code promtool} with the given arguments and waits for it within the deadline; skips the test where it is
     * not installed.
     * @return what it printed, once it exited with 0
     */
    private String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(PrometheusInstallation.promtool().isPresent(), () -> "promtool not found on the PATH or in -D"
                + PrometheusInstallation.DIRECTORY_PROPERTY
                + "; install it (Debian: apt-get install -y --no-install-recommends prometheus, as .ci/run does)");
        List<String> command = new ArrayList<>();
        command.add(PrometheusInstallation.promtool().orElseThrow().toString());
        command.addAll(List.of(arguments));
        Path printed = Files.createTempFile(this.directory, "promtool", ".txt");
        Process promtool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        boolean exited = promtool.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            promtool.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(printed, StandardCharsets.UTF_8);
        assertThat(exited).as("%s exited within %d s: %s", command, DEADLINE_SECONDS, output).isTrue();
        assertThat(promtool.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }

    @SuppressWarnings("unchecked") // the shape of a promtool test file
    private static List<Object> expectedAlerts(Map<String, Object> evaluation) {
        Object expected = evaluation.get("exp_alerts");
        return (expected != null) ? (List<Object>) expected : List.of();
    }
}
