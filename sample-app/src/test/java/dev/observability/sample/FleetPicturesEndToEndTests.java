package dev.observability.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.observability.sample.SampleClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped dashboard and alert rules ({@link MonitoringFiles}) against a real Prometheus ({@link PrometheusServer})
 * scraping the sample application with one backend down: its traces go to an OTLP endpoint on a loopback port where
 * nothing listens, so the {@code opentelemetry-traces} adapter's exports fail and its health turns DOWN, while the
 * {@code prometheus} and {@code audit} adapters stay healthy. Every metric name any panel query or rule selects must
 * be among the series Prometheus scraped (but those registered only with Spring Cloud, which the sample has not);
 * every panel query, with the dashboard's variables on "All", must answer with data; every rule must evaluate without
 * error, and the rule for a backend down must fire for {@code opentelemetry-traces}. ({@code promtool}'s checks of
 * the rules are {@link AlertRulesPromtoolTests}.) The test's copy of the rules waits one second in each
 * {@code for:} instead of minutes, so the alert is reached within the test's deadline; nothing else differs.
 * ({@link AutoConfigureTracing}: a Spring Boot test exports no span without it.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "management.tracing.export.zipkin.enabled=false",
                "spring.autoconfigure.exclude=" + PrometheusEndToEndTests.EXEMPLARS,
                // exports every 100 ms, each given up after 2 s; the adapters' health, and so the export figures,
                // read every second
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "management.opentelemetry.tracing.export.timeout=2s", "observability.health.interval=1s" })
@AutoConfigureTracing
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(PrometheusInstallation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class FleetPicturesEndToEndTests {

    private static final String RULES_FILE = "observability-alerts.yml";

    private static final String FAILING_ADAPTER = "opentelemetry-traces";

    @LocalServerPort
    private int port;

    private PrometheusServer prometheus;

    @DynamicPropertySource
    static void tracesToAnEndpointWhereNothingListens(DynamicPropertyRegistry registry) {
        int closedPort = SampleClient.freeLoopbackPort();
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + closedPort + "/v1/traces");
    }

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void startPrometheusWithTheRules() throws Exception {
        String rules = MonitoringFiles.alertRulesText().replaceAll("for: \\w+", "for: 1s");
        this.prometheus = PrometheusServer.start(this.port, Map.of(RULES_FILE, rules));
    }

    @AfterAll
    void stopPrometheus() throws Exception {
        if (this.prometheus != null) {
            this.prometheus.close();
        }
    }

    @Test
    void everyMetricThePanelsAndRulesSelectIsAmongTheScrapedSeries() throws Exception {
        Set<String> used = new TreeSet<>();
        Stream.concat(MonitoringFiles.panelQueries(MonitoringFiles.dashboard()).stream(), ruleExpressions().stream())
            .forEach((expression) -> used.addAll(MonitoringFiles.metricNames(expression)));
        used.removeAll(MonitoringFiles.WITH_SPRING_CLOUD_ONLY);
        assertThat(used).contains("observability_adapter_events_total", "observability_adapter_health",
                "observability_adapter_exports_total", "observability_adapter_queue_size");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Answer names = this.prometheus.api("/api/v1/label/__name__/values");
            assertThat(names.status()).isEqualTo(200);
            Set<String> scraped = new TreeSet<>();
            names.body().get("data").forEach((name) -> scraped.add(name.asString()));
            assertThat(scraped).as(this.prometheus::targets).containsAll(used);
        });
    }

    @Test
    void everyPanelQueryAnswersWithData() throws Exception {
        placeOrders();
        List<String> queries = MonitoringFiles.panelQueries(MonitoringFiles.dashboard());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String query : queries) {
                String sent = MonitoringFiles.asGrafanaSendsIt(query);
                Answer answer = this.prometheus.instantQuery(sent);
                assertThat(answer.status()).as(sent + " " + answer.body()).isEqualTo(200);
                assertThat(answer.body().get("status").asString()).isEqualTo("success");
                assertThat(answer.body().get("data").get("result")).as(sent).isNotEmpty();
            }
        });
    }

    @Test
    void everyRuleEvaluatesAndTheBackendDownAlertFiresForTheFailingAdapter() throws Exception {
        placeOrders();
        int rules = MonitoringFiles.alertRules().size();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode loaded = rulesOfTheGroup();
            assertThat(loaded).hasSize(rules).allSatisfy((rule) -> {
                assertThat(rule.get("health").asString()).as(rule.toString()).isEqualTo("ok");
                assertThat(rule.get("lastEvaluation").asString()).as(rule.toString()).doesNotStartWith("0001");
            });
            assertThat(alertsOf(loaded, "ObservabilityBackendDown")).as(this.prometheus::targets)
                .anySatisfy((alert) -> {
                    assertThat(alert.get("labels").get("adapter").asString()).isEqualTo(FAILING_ADAPTER);
                    assertThat(alert.get("state").asString()).isIn("pending", "firing");
                })
                .allSatisfy((alert) -> assertThat(alert.get("labels").get("adapter").asString())
                    .as("only the failing adapter").isEqualTo(FAILING_ADAPTER));
        });
    }

    private JsonNode rulesOfTheGroup() throws Exception {
        JsonNode groups = this.prometheus.api("/api/v1/rules").body().get("data").get("groups");
        assertThat(groups).hasSize(1);
        return groups.get(0).get("rules");
    }

    private static JsonNode alertsOf(JsonNode rules, String alert) {
        for (JsonNode rule : rules) {
            if (rule.get("name").asString().equals(alert)) {
                return rule.get("alerts");
            }
        }
        throw new AssertionError("no rule " + alert + " in " + rules);
    }

    private static List<String> ruleExpressions() throws Exception {
        return MonitoringFiles.alertRules().stream().map((rule) -> (String) rule.get("expr")).toList();
    }

    /** Orders through the sample's API: spans for the traces' exports to fail on, events for every lane. */
    private void placeOrders() throws Exception {
        for (int i = 0; i < 5; i++) {
            Answer answer = SampleClient.post("http://127.0.0.1:" + this.port + "/orders",
                    "{\"item\": \"lamp\", \"quantity\": 1, \"region\": \"eu\"}");
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        }
    }
}
