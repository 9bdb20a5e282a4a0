package dev.observability.autoconfigure.prometheus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.observability.autoconfigure.bridge.EventLog;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.Labels;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The proof with a real Prometheus: the test application on a free loopback port, Debian's Prometheus server on
 * another with a 1-second scrape of {@code /actuator/prometheus}; requests and manager recordings are driven, then
 * Prometheus' HTTP API must return the manager's counter, gauge, histogram and timing and Boot's
 * {@code http_server_requests_seconds_count} with the expected values and labels, and {@code promtool check metrics}
 * must find no problem in the scraped text. Both servers are stopped at the end, pass or fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 100, unit = TimeUnit.SECONDS)
class PrometheusEndToEndTests {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private static final int REQUESTS = 4;

    private static final String EXEMPLARS = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus."
            + "PrometheusExemplarsAutoConfiguration";

    private static final String ALERT_RULES = "observability-alerts.yml";

    private static final Path PROMETHEUS_PAGE = Path.of("..", "docs", "prometheus.md");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private ConfigurableApplicationContext application;

    private Process prometheus;

    private Path workDirectory;

    private String appBase;

    private String prometheusBase;

    private final AtomicInteger orders = new AtomicInteger();

    @BeforeAll
    void startApplicationAndPrometheus() throws Exception {
        if (!Files.isExecutable(PROMETHEUS) || !Files.isExecutable(PROMTOOL)) {
            fail("This end-to-end test needs Debian's Prometheus server at " + PROMETHEUS + " and " + PROMTOOL
                    + ". Install it with: apt-get install -y --no-install-recommends prometheus (.ci/run does).");
        }
        this.application = new SpringApplicationBuilder(PrometheusTestApplication.class).run(
                "--server.address=127.0.0.1", "--server.port=0",
                "--management.endpoints.web.exposure.include=health,prometheus",
                "--management.otlp.metrics.export.enabled=false", "--observability.opentelemetry.enabled=false",
                "--observability.json-logging.enabled=false", "--spring.main.banner-mode=off",
                // Prometheus before 2.43 (Debian's is 2.42) drops a whole scrape whose _count carries an exemplar
                "--spring.autoconfigure.exclude=" + EXEMPLARS);
        int appPort = ((WebServerApplicationContext) this.application).getWebServer().getPort();
        this.appBase = "http://127.0.0.1:" + appPort;
        for (int i = 0; i < 3; i++) {
            // warm the scrape endpoint up, so the scrapes fit the 1-second timeout on a busy machine
            long start = System.nanoTime();
            HttpResponse<String> scrape = this.http.send(
                    HttpRequest.newBuilder(URI.create(this.appBase + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            System.out.println("warm-up scrape " + i + ": " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        int prometheusPort = freeLoopbackPort();
        this.prometheusBase = "http://127.0.0.1:" + prometheusPort;
        this.workDirectory = Files.createTempDirectory("prometheus-e2e");
        Files.writeString(this.workDirectory.resolve(ALERT_RULES), alertRulesFromTheDocs());
        Path config = this.workDirectory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: app
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(ALERT_RULES, appPort));
        this.prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + this.workDirectory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort, "--storage.tsdb.retention.time=1h",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(this.workDirectory.resolve("prometheus.log").toFile())
            .start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
            .until(() -> get(this.prometheusBase + "/-/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(query("up")).as(this::targets).containsEntry("{}", 1.0));
    }

    private String targets() {
        try {
            return "Prometheus targets: " + get(this.prometheusBase + "/api/v1/targets").body();
        }
        catch (IOException | InterruptedException ex) {
            return "Prometheus targets unavailable: " + ex;
        }
    }

    @AfterAll
    void stopBoth() throws Exception {
        try {
            if (this.prometheus != null) {
                this.prometheus.destroy();
                if (!this.prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    this.prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
        finally {
            if (this.application != null) {
                this.application.close();
            }
            if (this.workDirectory != null) {
                try (Stream<Path> files = Files.walk(this.workDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
                }
            }
        }
    }

    @Test
    void prometheusScrapesTheManagersMetricsNextToBootsOwn() throws Exception {
        for (int i = 0; i < REQUESTS; i++) {
            placeOrder();
        }
        this.application.getBean(ObservabilityManager.class).gauge("queue.depth", 42, Labels.of("queue", "mail"));
        double orders = this.orders.get();

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(query("orders_placed_total")).as(this::targets)
                .containsExactly(Map.entry("{region=eu}", orders));
            assertThat(query("http_server_requests_seconds_count{uri=\"/orders\"}")).containsExactly(Map.entry(
                    "{error=none,exception=none,method=GET,outcome=SUCCESS,status=200,uri=/orders}", orders));
            assertThat(query("queue_depth")).containsExactly(Map.entry("{queue=mail}", 42.0));
        });
        assertThat(query("order_size_count")).containsExactly(Map.entry("{region=eu}", orders));
        assertThat(query("order_size_sum")).containsExactly(Map.entry("{region=eu}", 5 * orders));
        assertThat(query("checkout_duration_seconds_count")).containsExactly(Map.entry("{step=pay}", orders));
        assertThat(query("checkout_duration_seconds_sum")).containsExactly(Map.entry("{step=pay}", 0.25 * orders));
        assertThat(query("observability_adapter_events_total{adapter=\"prometheus\",outcome=\"delivered\"}"))
            .hasEntrySatisfying("{adapter=prometheus,outcome=delivered,signal=metrics}",
                    (delivered) -> assertThat(delivered).isGreaterThanOrEqualTo(3 * orders));
    }

    @Test
    void alertRulesFromTheDocsPassPromtoolAndEvaluateWithoutError() throws Exception {
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "rules",
                this.workDirectory.resolve(ALERT_RULES).toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(20, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 3 rules found");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode groups = this.json.readTree(get(this.prometheusBase + "/api/v1/rules").body())
                .get("data").get("groups");
            assertThat(groups).hasSize(1);
            JsonNode rules = groups.get(0).get("rules");
            assertThat(rules).hasSize(3).allSatisfy((rule) -> {
                assertThat(rule.get("health").asString()).as(rule.toString()).isEqualTo("ok");
                assertThat(rule.get("lastEvaluation").asString()).as(rule.toString()).doesNotStartWith("0001");
            });
        });
    }

    /**
     * @return the {@code observability-alerts.yml} block of docs/prometheus.md, so the documented rules are the
     * tested ones
     */
    private static String alertRulesFromTheDocs() throws IOException {
        String page = Files.readString(PROMETHEUS_PAGE);
        int start = page.indexOf("```yaml\n# " + ALERT_RULES);
        assertThat(start).as("the %s block in %s", ALERT_RULES, PROMETHEUS_PAGE.toAbsolutePath()).isNotNegative();
        int body = page.indexOf('\n', start) + 1;
        return page.substring(body, page.indexOf("```", body));
    }

    @Test
    void promtoolFindsNoProblemInTheManagersAndSelfMetricsSeries() throws Exception {
        placeOrder();
        String scraped = get(this.appBase + "/actuator/prometheus").body();
        assertThat(scraped).contains("orders_placed_total").contains("observability_adapter_events_total");

        PromtoolResult whole = promtoolCheckMetrics(scraped);
        assertThat(whole.output()).as("the whole scrape parses").doesNotContain("error while linting");
        assertThat(whole.exitCode()).as("promtool exit code (1 means unparsable)").isIn(0, 3);

        String ours = familiesStartingWith(scraped, "orders_placed", "order_size", "checkout_duration", "queue_depth",
                "observability_");
        assertThat(ours).contains("# HELP orders_placed_total");
        PromtoolResult result = promtoolCheckMetrics(ours);
        assertThat(result.output()).as("promtool check metrics on the starter's series").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void customAdapterReceivesEachHttpServerRequestExactlyOnce() throws Exception {
        EventLog custom = this.application.getBean(EventLog.class);
        for (int i = 0; i < REQUESTS; i++) {
            placeOrder();
        }
        PrometheusMeterRegistry boot = this.application.getBean(PrometheusMeterRegistry.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                custom.linesStartingWith("timing http.server.requests{").stream()
                    .filter((line) -> line.contains("uri=/orders")))
            .hasSize(this.orders.get()));
        assertThat(boot.get("http.server.requests").tag("uri", "/orders").timer().count())
            .isEqualTo(this.orders.get());
        assertThat(custom.linesStartingWith("counter orders.placed{region=eu}")).as(
                "the manager's own counter reaches the custom adapter once, not again through Micrometer")
            .hasSize(this.orders.get());
    }

    private void placeOrder() throws IOException, InterruptedException {
        assertThat(get(this.appBase + "/orders").body()).isEqualTo("placed");
        this.orders.incrementAndGet();
    }

    private PromtoolResult promtoolCheckMetrics(String text) throws IOException, InterruptedException {
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
            .start();
        try (var stdin = promtool.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(20, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new PromtoolResult(promtool.exitValue(), output);
    }

    /**
     * @return the metric families (HELP, TYPE and samples) of the scrape whose names start with a prefix
     */
    private static String familiesStartingWith(String scrape, String... prefixes) {
        StringBuilder kept = new StringBuilder();
        boolean keep = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String family = line.substring("# HELP ".length());
                keep = Stream.of(prefixes).anyMatch(family::startsWith);
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /**
     * @return each series of the instant query's result, as its labels (without job and instance) and value
     */
    private Map<String, Double> query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get(this.prometheusBase + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode root = this.json.readTree(response.body());
        Map<String, Double> series = new TreeMap<>();
        for (JsonNode result : root.get("data").get("result")) {
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

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record PromtoolResult(int exitCode, String output) {
    }
}
