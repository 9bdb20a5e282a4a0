package dev.observability.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.Signal;
import dev.observability.sample.SampleClient.Answer;
import dev.observability.sample.audit.AuditAdapter;
import dev.observability.sample.audit.MetricAudit;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proof with a real Prometheus: the sample application as it ships (default profile: the Prometheus adapter, the
 * OpenTelemetry adapter on Boot's SDK and the custom {@code audit} adapter) on a free loopback port, a Prometheus
 * server ({@link PrometheusInstallation}: on the {@code PATH} or in {@code -Dprometheus.dir}; skipped with a warning in
 * the build's output without one) on another with a 1-second scrape of {@code /actuator/prometheus}. Orders are placed
 * and looked up through the sample's HTTP API (its handlers record {@code orders.placed}, {@code orders.quantity} and
 * {@code orders.lookups} through the manager), a gauge and a timing are recorded through the manager bean (the sample
 * records none of its own); then Prometheus' HTTP API must return those series and Boot's
 * {@code http_server_requests_seconds_count} with the expected values and labels, the {@code orders.quantity} histogram
 * must have the buckets the sample's {@code management.metrics.distribution.slo.orders.quantity} (Boot's key) gives it,
 * its metadata API the HELP texts of the descriptions given through the manager, {@code promtool check metrics} must
 * find no problem in the starter's series, and the audit adapter must have received {@code http.server.requests}
 * exactly once per request. Prometheus ({@link PrometheusServer}) stops in {@link #stopPrometheus()}, the sample when the class ends
 * ({@link DirtiesContext}), pass or fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "management.tracing.export.zipkin.enabled=false",
                // Prometheus before 2.43 (Debian's is 2.42) drops a whole scrape whose _count carries an exemplar,
                // and tracing is on in the sample, so Boot would add exemplars (docs/prometheus.md)
                "spring.autoconfigure.exclude=" + PrometheusEndToEndTests.EXEMPLARS })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(PrometheusInstallation.class)
@Timeout(value = 100, unit = TimeUnit.SECONDS)
class PrometheusEndToEndTests {

    static final String EXEMPLARS = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus."
            + "PrometheusExemplarsAutoConfiguration";

    private static final Metric QUEUE_DEPTH = Metric.named("queue.depth").withDescription("Messages waiting");

    private static final Metric CHECKOUT = Metric.named("checkout.duration")
        .withDescription("Time spent in a checkout step");

    private static final String HTTP_LABELS = "{error=none,exception=none,method=%s,outcome=SUCCESS,status=%d,uri=%s}";

    @LocalServerPort
    private int port;

    @Autowired
    private ObservabilityManager manager;

    @Autowired
    private AuditAdapter audit;

    @Autowired
    private PrometheusMeterRegistry registry;

    private PrometheusServer prometheus;

    /** The orders placed through the API so far, by region; every test places its orders through {@link #place}. */
    private final Map<String, Integer> placed = new TreeMap<>();

    private int quantities;

    /** The quantity of every order placed so far. */
    private final List<Integer> orderQuantities = new ArrayList<>();

    /** The timings recorded through the manager so far, and their total in seconds. */
    private int checkouts;

    private double checkoutSeconds;

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void startPrometheus() throws Exception {
        for (int i = 0; i < 3; i++) {
            // warm the scrape endpoint up, so the scrapes fit the 1-second timeout on a busy machine
            assertThat(SampleClient.text(url("/actuator/prometheus"))).contains("# TYPE");
        }
        this.prometheus = PrometheusServer.start(this.port, Map.of());
    }

    @AfterAll
    void stopPrometheus() throws Exception {
        if (this.prometheus != null) {
            this.prometheus.close();
        }
    }

    @Test
    void prometheusHasTheManagersSeriesAndBootsHttpRequestsWithTheirValuesAndLabels() throws Exception {
        String id = place("book", 2, "eu");
        place("pen", 3, "eu");
        place("lamp", 5, "us");
        assertThat(SampleClient.get(url("/orders/" + id)).status()).isEqualTo(200);
        recordGaugeAndTimingsThroughTheManager();
        Map<String, Double> placedByRegion = new TreeMap<>();
        this.placed.forEach((region, count) -> placedByRegion.put("{region=" + region + "}", (double) count));
        double orders = placedOrders();

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(query("orders_placed_total")).as(this::targets).isEqualTo(placedByRegion);
            assertThat(query("http_server_requests_seconds_count{uri=~\"/orders.*\"}")).containsOnly(
                    Map.entry(HTTP_LABELS.formatted("POST", 201, "/orders"), orders),
                    Map.entry(HTTP_LABELS.formatted("GET", 200, "/orders/{id}"), 1.0));
            assertThat(query("orders_lookups_total")).containsOnly(Map.entry("{found=true}", 1.0));
            assertThat(query("queue_depth")).containsOnly(Map.entry("{queue=mail}", 42.0));
            assertThat(query("checkout_duration_seconds_count"))
                .containsOnly(Map.entry("{step=pay}", (double) this.checkouts));
        });
        assertThat(query("orders_quantity_count")).containsOnly(Map.entry("{}", orders));
        assertThat(query("orders_quantity_sum")).containsOnly(Map.entry("{}", (double) this.quantities));
        assertThat(query("checkout_duration_seconds_sum"))
            .containsOnly(Map.entry("{step=pay}", this.checkoutSeconds));
        assertThat(query("observability_adapter_events_total{adapter=\"prometheus\",outcome=\"delivered\"}"))
            .hasEntrySatisfying("{adapter=prometheus,outcome=delivered,signal=metrics}",
                    (delivered) -> assertThat(delivered).as("placed and quantity per order, lookup, gauge, timings")
                        .isGreaterThanOrEqualTo(2 * orders + 2 + this.checkouts));
    }

    @Test
    void bootsDistributionKeysGiveTheManagersHistogramItsBucketsInPrometheus() throws Exception {
        for (int quantity : new int[] { 1, 4, 7, 12 }) {
            place("box", quantity, "us");
        }
        Map<String, Double> buckets = new TreeMap<>();
        // management.metrics.distribution.slo.orders.quantity: 1,5,10 in the sample's application.yml
        for (String bound : new String[] { "1.0", "5.0", "10.0", "+Inf" }) {
            double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.put("{le=" + bound + "}",
                    (double) this.orderQuantities.stream().filter((quantity) -> quantity <= le).count());
        }
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(query("orders_quantity_bucket")).as(this::targets).isEqualTo(buckets));
    }

    @Test
    void prometheusKeepsTheDescriptionsGivenThroughTheManagerAsHelpTexts() throws Exception {
        place("desk", 1, "eu");
        recordGaugeAndTimingsThroughTheManager();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(help("orders_placed")).as(this::targets).isEqualTo("Orders placed, by region");
            assertThat(help("orders_quantity")).isEqualTo("Items per placed order");
            assertThat(help("queue_depth")).isEqualTo("Messages waiting");
            assertThat(help("checkout_duration_seconds")).isEqualTo("Time spent in a checkout step");
        });
    }

    @Test
    void promtoolFindsNoProblemInTheStartersSeries() throws Exception {
        place("mug", 1, "eu");
        recordGaugeAndTimingsThroughTheManager();
        String scraped = SampleClient.text(url("/actuator/prometheus"));
        assertThat(scraped).contains("orders_placed_total").contains("observability_adapter_events_total");

        PromtoolResult whole = promtoolCheckMetrics(scraped);
        assertThat(whole.output()).as("the whole scrape parses").doesNotContain("error while linting");
        assertThat(whole.exitCode()).as("promtool exit code (1 means unparsable, 3 lint remarks)").isIn(0, 3);

        String ours = familiesStartingWith(scraped, "orders_", "queue_depth", "checkout_duration", "observability_");
        assertThat(ours).contains("# HELP orders_placed_total", "# HELP orders_quantity", "# HELP queue_depth",
                "# HELP checkout_duration_seconds", "# HELP observability_adapter_events_total");
        PromtoolResult result = promtoolCheckMetrics(ours);
        assertThat(result.output()).as("promtool check metrics on the starter's series").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theAuditAdapterReceivesEachHttpServerRequestExactlyOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            place("card", 1, "eu");
        }
        // Prometheus' scrapes are requests too, so the adapter's count is held against every request Boot recorded
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(
                () -> assertThat(auditEvents("http.server.requests"))
                    .as("http.server.requests events the audit adapter received, against Boot's recorded requests")
                    .isEqualTo(bootsRecordedRequests()));
        assertThat(this.registry.get("http.server.requests").tag("uri", "/orders").tag("method", "POST").timer()
            .count()).as("Boot records each order request once").isEqualTo(placedOrders());
        assertThat(auditEvents("orders.placed"))
            .as("the manager's own counter reaches the audit adapter once, not again through Micrometer")
            .isEqualTo(placedOrders());
        assertThat(this.manager.controls()
            .lane(AuditAdapter.NAME).orElseThrow().counts(Signal.METRICS).dropped()).isZero();
    }

    private long auditEvents(String metric) {
        MetricAudit received = this.audit.received().get(metric);
        return (received != null) ? received.getEvents() : 0;
    }

    private long bootsRecordedRequests() {
        return this.registry.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Places an order through the sample's API and keeps count of it. */
    private String place(String item, int quantity, String region) throws IOException, InterruptedException {
        Answer answer = SampleClient.post(url("/orders"),
                "{\"item\": \"%s\", \"quantity\": %d, \"region\": \"%s\"}".formatted(item, quantity, region));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        this.placed.merge(region, 1, Integer::sum);
        this.quantities += quantity;
        this.orderQuantities.add(quantity);
        return answer.body().path("id").asString();
    }

    /** The sample records no gauge and no timing of its own: these go through the manager bean. */
    private void recordGaugeAndTimingsThroughTheManager() {
        this.manager.gauge(QUEUE_DEPTH, 42, Labels.of("queue", "mail"));
        this.manager.timing(CHECKOUT, Duration.ofMillis(250), Labels.of("step", "pay"));
        this.manager.timing(CHECKOUT, Duration.ofMillis(750), Labels.of("step", "pay"));
        this.checkouts += 2;
        this.checkoutSeconds += 1.0;
    }

    private int placedOrders() {
        return this.placed.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static PromtoolResult promtoolCheckMetrics(String text) throws IOException, InterruptedException {
        Process promtool = new ProcessBuilder(PrometheusInstallation.promtool().orElseThrow().toString(), "check",
                "metrics").redirectErrorStream(true).start();
        try (OutputStream stdin = promtool.getOutputStream()) {
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
     * @return the HELP text Prometheus' metadata API holds for a metric family, under its OpenMetrics name (what
     * Prometheus negotiates) or its text-format name (a counter's with {@code _total}), or {@code null}
     */
    private @Nullable String help(String family) throws IOException, InterruptedException {
        for (String name : new String[] { family, family + "_total" }) {
            Answer answer = this.prometheus.api("/api/v1/metadata?metric=" + name);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            JsonNode entries = answer.body().get("data").path(name);
            if (!entries.isEmpty()) {
                return entries.get(0).get("help").asString();
            }
        }
        return null;
    }

    private Map<String, Double> query(String promql) throws IOException, InterruptedException {
        return this.prometheus.query(promql);
    }

    private String targets() {
        return this.prometheus.targets();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }

    private record PromtoolResult(int exitCode, String output) {
    }
}
