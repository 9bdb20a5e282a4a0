package com.example.prometheus;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scrape configuration and the alert rules of docs/prometheus.md and docs/operations.md pass Prometheus' own
 * check, {@code promtool check config}, which loads the rule file the configuration names.
 */
class PrometheusConfigurationTests {

    @Test
    void theScrapeConfigurationAndItsAlertRulesPassPromtool() throws Exception {
        Optional<Path> promtool = onThePath("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (Debian: apt-get install prometheus)");
        Path configuration = Path.of(getClass().getResource("/prometheus/prometheus.yml").toURI());
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "config", configuration.toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 5 rules found");
    }

    private static Optional<Path> onThePath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter((directory) -> !directory.isEmpty())
            .map((directory) -> Path.of(directory, command))
            .filter(Files::isExecutable)
            .findFirst();
    }
}
