package dev.observability.sample;

import java.time.Duration;

import dev.observability.sample.SampleClient.Answer;
import dev.observability.sample.audit.AuditAdapter;
import dev.observability.sample.audit.MetricAudit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as an operator meets it, over real HTTP on loopback: {@code /actuator/health} shows one component per
 * adapter and the application UP, {@code /actuator/observability} lists the adapters by name with their configured
 * and effective state (the shape of Boot's {@code loggers} endpoint), and switching the custom {@code audit} adapter
 * off and back to its configured state through the endpoint (204 No Content) decides what it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false", "server.address=127.0.0.1" })
class ObservabilityEndpointHttpTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String ORDER = "{\"item\": \"lamp\", \"quantity\": 1, \"region\": \"eu\"}";

    @LocalServerPort
    private int port;

    @Value("${sample.security.admin.username}")
    private String adminName;

    @Value("${sample.security.admin.password}")
    private String adminPassword;

    @Autowired
    private AuditAdapter audit;

    @Test
    void healthShowsEachAdapterAndTheApplicationIsUp() throws Exception {
        Answer health = SampleClient.get(url("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        JsonNode adapters = health.body().path("components").path("observability").path("components");
        assertThat(adapters.has(AuditAdapter.NAME)).isTrue();
        assertThat(adapters.has("prometheus")).isTrue();
        JsonNode audit = adapters.path(AuditAdapter.NAME).path("details");
        assertThat(audit.path("dispatch").asString()).isEqualTo("ASYNC");
        assertThat(audit.path("queueCapacity").asInt()).isEqualTo(1024);
        assertThat(audit.path("circuitState").asString()).isEqualTo("CLOSED");
    }

    @Test
    void endpointListsTheAdaptersByNameWithTheirConfiguredAndEffectiveState() throws Exception {
        Answer answer = SampleClient.get(url("/actuator/observability"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("adapters").propertyNames()).contains(AuditAdapter.NAME, "prometheus");
        assertThat(answer.body().path("refusals").isObject()).isTrue();
        Answer audit = SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().path("configuredEnabled").asBoolean()).isTrue();
        assertThat(audit.body().path("effectiveEnabled").asBoolean()).isTrue();
        assertThat(audit.body().path("signals").valueStream().map(JsonNode::asString)).containsExactly("metrics");
    }

    @Test
    void switchingTheCustomAdapterOffAndOnDecidesWhatItReceives() throws Exception {
        long before = ordersPlacedReceived();
        assertThat(SampleClient.post(url("/orders"), ORDER).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> ordersPlacedReceived() > before);

        Answer off = switchAudit(url("/actuator/observability/" + AuditAdapter.NAME), "{\"enabled\": false}");
        assertThat(off.status()).isEqualTo(204);
        assertThat(off.body().isNull()).as("no content").isTrue();
        long whenSwitchedOff = drainedOrdersPlacedReceived();
        assertThat(SampleClient.post(url("/orders"), ORDER).status()).isEqualTo(201);
        Answer whileOff = SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME));
        assertThat(whileOff.body().path("configuredEnabled").asBoolean()).isTrue();
        assertThat(whileOff.body().path("effectiveEnabled").asBoolean()).isFalse();
        assertThat(whileOff.body().path("status").asString()).isEqualTo("DISABLED");
        assertThat(whileOff.body().path("rejectedDisabled").asLong()).isPositive();
        assertThat(SampleClient.get(url("/actuator/health")).body().path("status").asString()).isEqualTo("UP");
        assertThat(drainedOrdersPlacedReceived()).isEqualTo(whenSwitchedOff);

        Answer reset = switchAudit(url("/actuator/observability/" + AuditAdapter.NAME), "{\"enabled\": null}");
        assertThat(reset.status()).isEqualTo(204);
        assertThat(SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME)).body()
            .path("effectiveEnabled").asBoolean()).as("back to its configured state").isTrue();
        assertThat(SampleClient.post(url("/orders"), ORDER).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> ordersPlacedReceived() > whenSwitchedOff);
    }

    @Test
    void unknownAdapterIs404AndBadBodyIs400WithAOneLineReason() throws Exception {
        assertThat(SampleClient.get(url("/actuator/observability/nope")).status()).isEqualTo(404);
        assertThat(switchAudit(url("/actuator/observability/nope"), "{\"enabled\": false}").status())
            .isEqualTo(404);
        for (String bad : new String[] { "{\"enabled\": \"maybe\"}", "{\"enabled\": \"yes\"}", "{\"enabled\": 0}" }) {
            Answer answer = switchAudit(url("/actuator/observability/" + AuditAdapter.NAME), bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().path("message").asString()).as(bad)
                .startsWith("enabled must be true, false or null").doesNotContain("\n");
        }
        Answer audit = SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME));
        assertThat(audit.body().path("effectiveEnabled").asBoolean()).as("not switched by a bad body").isTrue();
    }

    /** @return what the adapter received once its queue is empty */
    private long drainedOrdersPlacedReceived() {
        await().atMost(WAIT).until(() -> SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME)).body()
            .path("pending").asLong() == 0);
        return ordersPlacedReceived();
    }

    private long ordersPlacedReceived() {
        MetricAudit placed = this.audit.received().get("orders.placed");
        return (placed != null) ? placed.getEvents() : 0;
    }

    /** Writes to the endpoint as the sample's observability admin (the write operation needs that role). */
    private Answer switchAudit(String url, String json) throws Exception {
        return SampleClient.post(url, json, this.adminName, this.adminPassword);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }
}
