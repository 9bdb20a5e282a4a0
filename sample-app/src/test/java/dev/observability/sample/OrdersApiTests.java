package dev.observability.sample;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Signal;
import dev.observability.sample.SampleClient.Answer;
import dev.observability.sample.audit.AuditAdapter;
import dev.observability.sample.audit.MetricAudit;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orders API over real HTTP, and what the starter makes of it: the handlers' own metrics and Boot's
 * {@code http.server.requests} reach the custom {@code audit} adapter (the Micrometer bridge hands Boot's meters to
 * custom adapters), the Prometheus scrape shows the manager's counter, and no Resilience4j meter exists (the starter
 * brings Resilience4j's breaker, not its Spring integration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false", "server.address=127.0.0.1" })
class OrdersApiTests {

    @LocalServerPort
    private int port;

    @Autowired
    private AuditAdapter audit;

    @Autowired
    private ObservabilityManager manager;

    @Autowired
    private MeterRegistry registry;

    @Test
    void placesFindsAndFailsOrdersAndTheCustomAdapterReceivesTheHttpMetrics() throws Exception {
        Answer placed = SampleClient.post(url("/orders"), "{\"item\": \"book\", \"quantity\": 2, \"region\": \"eu\"}");
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.body().path("id").asString();
        assertThat(SampleClient.get(url("/orders/" + id)).body().path("item").asString()).isEqualTo("book");
        assertThat(SampleClient.get(url("/orders/no-such-order")).status()).isEqualTo(404);
        assertThat(SampleClient.post(url("/orders"), "{\"item\": \"book\", \"quantity\": 0}").status())
            .isEqualTo(400);
        assertThat(SampleClient.post(url("/orders/fail"), "{}").status()).isEqualTo(502);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(this.audit.received()).containsKeys("orders.placed", "orders.quantity", "orders.lookups",
                    "orders.refused", "orders.failed");
            MetricAudit http = this.audit.received().get("http.server.requests");
            assertThat(http).isNotNull();
            assertThat(http.getEvents()).isGreaterThanOrEqualTo(5);
        });
        assertThat(this.audit.received().get("orders.placed").getLastLabels()).containsEntry("region", "eu");
        assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getName())
            .noneMatch((name) -> name.startsWith("resilience4j"));
        assertThat(this.audit.received().keySet()).noneMatch((name) -> name.startsWith("resilience4j"));
        assertThat(this.manager.controls()
            .lane(AuditAdapter.NAME).orElseThrow().counts(Signal.METRICS).dropped()).isZero();
    }

    @Test
    void theManagersCounterShowsInThePrometheusScrape() throws Exception {
        SampleClient.post(url("/orders"), "{\"item\": \"pen\", \"quantity\": 1, \"region\": \"us\"}");
        String scrape = SampleClient.text(url("/actuator/prometheus"));
        assertThat(scrape).contains("orders_placed_total{region=\"us\"}");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }
}
