package dev.observability.sample;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.observability.sample.SampleClient.Answer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server ({@link PrometheusInstallation}) on a free loopback port, in a temporary directory, that
 * scrapes one application's {@code /actuator/prometheus} every second (job {@value #JOB}) and evaluates the given rule
 * files every second. {@link #start} returns once the application's target is up; {@link #close} stops the server
 * and deletes its directory.
 */
final class PrometheusServer implements AutoCloseable {

    /** The job name of the application's target. */
    static final String JOB = "sample";

    private final Process process;

    private final Path workDirectory;

    private final String base;

    private PrometheusServer(Process process, Path workDirectory, String base) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.base = base;
    }

    /**
     * Starts the server and waits until it is ready and has scraped the application.
     * @param applicationPort the application's port on 127.0.0.1
     * @param ruleFiles rule files to load, by file name
     * @return the started server
     * @throws IOException when the directory or the process cannot be made
     */
    static PrometheusServer start(int applicationPort, Map<String, String> ruleFiles) throws IOException {
        int port = SampleClient.freeLoopbackPort();
        Path workDirectory = Files.createTempDirectory("prometheus-e2e");
        StringBuilder rules = new StringBuilder();
        for (Map.Entry<String, String> ruleFile : ruleFiles.entrySet()) {
            Files.writeString(workDirectory.resolve(ruleFile.getKey()), ruleFile.getValue());
            rules.append("  - ").append(ruleFile.getKey()).append('\n');
        }
        Path config = workDirectory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                %s
                scrape_configs:
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rules.isEmpty() ? "  []" : rules.toString().stripTrailing(), JOB, applicationPort));
        Process process = new ProcessBuilder(PrometheusInstallation.prometheus().orElseThrow().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + workDirectory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=1h", "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(workDirectory.resolve("prometheus.log").toFile())
            .start();
        PrometheusServer server = new PrometheusServer(process, workDirectory, "http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
            .until(() -> SampleClient.text(server.base + "/-/ready").contains("Ready"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(server.query("up")).as(server::targets).containsEntry("{}", 1.0));
        return server;
    }

    /** @return the server's directory, which holds the rule files as loaded */
    Path workDirectory() {
        return this.workDirectory;
    }

    /**
     * @param pathAndQuery a path of Prometheus' HTTP API with its query string, such as {@code /api/v1/rules}
     * @return the answer, whatever its status
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    Answer api(String pathAndQuery) throws IOException, InterruptedException {
        return SampleClient.get(this.base + pathAndQuery);
    }

    /**
     * @param promql an instant query
     * @return Prometheus' answer to it, whatever its status
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    Answer instantQuery(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /**
     * @param promql an instant query that must succeed
     * @return each series of the instant query's result, as its labels (without job and instance) and value
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    Map<String, Double> query(String promql) throws IOException, InterruptedException {
        Answer answer = instantQuery(promql);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        Map<String, Double> series = new TreeMap<>();
        for (JsonNode result : answer.body().get("data").get("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.get("metric").properties().forEach((entry) -> {
                if (!entry.getKey().equals("__name__") && !entry.getKey().equals("job")
                        && !entry.getKey().equals("instance")) {
                    labels.put(entry.getKey(), entry.getValue().asString());
                }
            });
            series.put(labels.toString().replace(", ", ","),
                    Double.parseDouble(result.get("value").get(1).asString()));
        }
        return series;
    }

    /** @return the server's view of its targets, to describe a failed wait */
    String targets() {
        try {
            return "Prometheus targets: " + api("/api/v1/targets").body();
        }
        catch (IOException | InterruptedException ex) {
            return "Prometheus targets unavailable: " + ex;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            this.process.destroy();
            if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        finally {
            try (Stream<Path> files = Files.walk(this.workDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
            }
        }
    }
}
