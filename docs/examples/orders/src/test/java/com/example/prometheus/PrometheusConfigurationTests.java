package com.example.prometheus;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scrape configuration of docs/prometheus.md, with the alert rules the repository ships next to it
 * (docs/monitoring/observability-alerts.yml), passes Prometheus' own check, {@code promtool check config}, which
 * loads the rule file the configuration names.
 */
class PrometheusConfigurationTests {

    /** docs/monitoring's rules, from target/, where the tests run (the pom's surefire workingDirectory). */
    private static final Path SHIPPED_RULES = Path.of("..", "..", "..", "monitoring", "observability-alerts.yml");

    @Test
    void theScrapeConfigurationAndItsAlertRulesPassPromtool(@TempDir Path directory) throws Exception {
        Optional<Path> promtool = onThePath("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (Debian: apt-get install prometheus)");
        Path configuration = Files.copy(Path.of(getClass().getResource("/prometheus/prometheus.yml").toURI()),
                directory.resolve("prometheus.yml"));
        String rules = Files.readString(SHIPPED_RULES);
        Files.writeString(directory.resolve("observability-alerts.yml"), rules);
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "config", configuration.toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS: " + (rules.split("- alert: ", -1).length - 1) + " rules found");
    }

    private static Optional<Path> onThePath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter((directory) -> !directory.isEmpty())
            .map((directory) -> Path.of(directory, command))
            .filter(Files::isExecutable)
            .findFirst();
    }
}
