package dev.observability.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedSpan;
import dev.observability.fleet.instance.CountingAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet on loopback, with real parts: a Spring Cloud Config Server (file-system backend in a directory of the
 * test), a RabbitMQ broker, and two instances of an application with the starter, a Config client and Spring Cloud
 * Bus over AMQP, each a process of its own exporting its traces to an OTLP receiver. The settings change in the
 * server's file and one {@code POST /actuator/busrefresh} to one instance brings them to both, by the same rules as
 * the {@code observability} endpoint, whose overrides outlast a refresh until they are reset; the tests run in order
 * on the one fleet. About a minute with its start, so
 * tagged {@code fleet}: left out of the default build and run by {@code .ci/run}'s fleet step
 * ({@code -Dgroups=fleet -DexcludedGroups=}), with Debian's {@code rabbitmq-server} installed.
 */
@Tag("fleet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetRefreshTests {

    private static final String ADAPTER = "observability.adapters." + CountingAdapter.NAME + ".";

    private static final String THRESHOLD = "circuit-breaker.failure-rate-threshold";

    private static final String CAPACITY = "dispatch.queue-capacity";

    private static final String LOGGING = "signals.logging";

    private static final String SAMPLING = "tracing.sampling.probability";

    private static final String REFUSAL = "Observability settings not changed by a configuration refresh";

    private static final String BAD_CAPACITY = ADAPTER + CAPACITY + " = '0': must be a whole number from 1 to 1048576";

    private static final String PING_SPAN = "http get /fleet/ping";

    /** Requests sent across the fleet at each sampling probability. */
    private static final int REQUESTS = 1000;

    /** How long the fleet may take to take a refresh, or to export the spans of the requests. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private OtlpHttpTestReceiver receiver;

    private ConfigServer server;

    private RabbitBroker broker;

    private List<FleetInstanceProcess> fleet;

    private String traceBegunBefore;

    @BeforeAll
    void startTheFleet(@TempDir Path directory) throws Exception {
        CompletableFuture<RabbitBroker> broker = CompletableFuture.supplyAsync(() -> {
            try {
                return RabbitBroker.start(Files.createDirectories(directory.resolve("rabbitmq")));
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        try {
            this.receiver = started(OtlpHttpTestReceiver.start(0));
            this.server = started(ConfigServer.start(Files.createDirectories(directory.resolve("config")),
                    "fleet", settings(50, 1024, true, "0.0")));
        }
        finally {
            this.broker = started(broker.join());
        }
        List<String> arguments = List.of("--spring.application.name=fleet",
                "--spring.config.import=configserver:" + this.server.url(), "--spring.rabbitmq.host=127.0.0.1",
                "--spring.rabbitmq.port=" + this.broker.port(),
                "--management.endpoints.web.exposure.include=health,observability,busrefresh",
                "--management.endpoint.observability.access=unrestricted",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + this.receiver.endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=200ms",
                "--management.otlp.metrics.export.enabled=false");
        this.fleet = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            this.fleet.add(started(FleetInstanceProcess.start(name, directory, arguments)));
        }
        this.fleet.forEach(FleetInstanceProcess::awaitUp);
    }

    @AfterAll
    void stopTheFleet() throws Exception {
        Exception failure = null;
        while (!this.started.isEmpty()) {
            try {
                this.started.pop().close();
            }
            catch (Exception ex) {
                failure = (failure != null) ? failure : ex;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Also begins what the sampling test reads afterwards: {@value #REQUESTS} requests at probability 0, and a trace
     * on the second instance kept open across the refresh.
     */
    @Test
    @Order(1)
    void oneBusRefreshBringsEveryChangedSettingToBothInstancesWhileTheirTrafficLosesNothing() throws Exception {
        for (FleetInstanceProcess instance : this.fleet) {
            assertSettings(instance, 50, 1024, true, 0f);
        }
        ping();
        JsonNode begun = FleetHttp.post(this.fleet.get(1).url("/fleet/traces")).json();
        assertThat(begun.path("sampled").asBoolean()).as("a trace begun at probability 0").isFalse();
        this.traceBegunBefore = begun.path("traceId").asString();

        List<Traffic> traffic = this.fleet.stream().map((instance) -> Traffic.start(instance.url("/fleet/work")))
            .toList();
        try {
            this.server.configure(settings(25, 4096, false, "1.0"));
            busRefresh();
            for (FleetInstanceProcess instance : this.fleet) {
                await(instance + " taking the refreshed settings").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertSettings(instance, 25, 4096, false, 1f));
            }
        }
        finally {
            for (Traffic each : traffic) {
                each.stop();
            }
        }
        for (int i = 0; i < this.fleet.size(); i++) {
            assertNothingLost(this.fleet.get(i), traffic.get(i));
        }
    }

    @Test
    @Order(2)
    void theRequestsAfterTheRefreshAreAllSampledThoseBeforeNoneAndATraceBegunBeforeKeepsItsDecision()
            throws Exception {
        ping();
        await("the spans of the requests at probability 1").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
            .until(() -> pingRoots().size() >= REQUESTS);
        List<ReceivedSpan> roots = pingRoots();
        assertThat(roots).as("root spans of the %d requests at probability 1 (none of those at 0)", REQUESTS)
            .hasSize(REQUESTS);
        for (FleetInstanceProcess instance : this.fleet) {
            assertThat(roots.stream().filter((span) -> instance.name().equals(instanceOf(span))))
                .as("root spans of " + instance).hasSize(REQUESTS / this.fleet.size());
        }
        JsonNode ended = FleetHttp.post(this.fleet.get(1).url("/fleet/traces/" + this.traceBegunBefore + "/end"))
            .json();
        assertThat(ended.path("childSampled").asBoolean()).as("a span begun after the change in a trace begun before")
            .isFalse();
        assertThat(this.receiver.spans()).as("spans of the trace begun before the change")
            .noneMatch((span) -> span.traceId().equals(this.traceBegunBefore));
    }

    /**
     * The instance asked answers 500: Spring Cloud's own rebinding of the application's properties bean refuses the
     * value too. A refresh with the value fixed then changes both, which also shows that each one's refusal was
     * logged once (an instance handles the bus's events in order).
     */
    @Test
    @Order(3)
    void aBadValueChangesNoInstanceAndEachLogsOneLineNamingTheKeyTheValueAndTheRule() throws Exception {
        this.server.configure(settings(30, 0, true, "0.5"));
        FleetHttp.Answer refresh = FleetHttp.post(this.fleet.get(0).url("/actuator/busrefresh"));
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(500);
        for (FleetInstanceProcess instance : this.fleet) {
            await(instance + " refusing the refreshed settings").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> lines(instance, REFUSAL) > 0);
            assertSettings(instance, 25, 4096, false, 1f);
        }
        this.server.configure(settings(30, 4096, false, "1.0"));
        busRefresh();
        for (FleetInstanceProcess instance : this.fleet) {
            await(instance + " taking the fixed settings").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertSettings(instance, 30, 4096, false, 1f));
            assertThat(lines(instance, REFUSAL)).as(instance + ": lines saying the settings did not change")
                .isEqualTo(1);
            assertThat(lines(instance, BAD_CAPACITY)).as(instance + ": lines naming the key, value and rule")
                .isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void anEndpointOverrideOnOneInstanceOutlastsABusRefreshUntilItIsReset() throws Exception {
        FleetInstanceProcess one = this.fleet.get(0);
        FleetInstanceProcess two = this.fleet.get(1);
        assertThat(FleetHttp.post(two.url("/actuator/observability/" + CountingAdapter.NAME),
                "{\"" + CAPACITY + "\": 8192}").status()).isEqualTo(204);
        this.server.configure(settings(30, 2048, false, "1.0"));
        busRefresh();
        await("the refreshed capacity configured on both").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
            .until(() -> configured(one, CAPACITY) == 2048 && configured(two, CAPACITY) == 2048);
        assertSettings(one, 30, 2048, false, 1f);
        assertSettings(two, 30, 8192, false, 1f);
        assertThat(FleetHttp.post(two.url("/actuator/observability/" + CountingAdapter.NAME),
                "{\"" + CAPACITY + "\": null}").status()).isEqualTo(204);
        assertSettings(two, 30, 2048, false, 1f);
    }

    private void busRefresh() throws Exception {
        FleetHttp.Answer refresh = FleetHttp.post(this.fleet.get(0).url("/actuator/busrefresh"));
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(204);
    }

    private static int configured(FleetInstanceProcess instance, String name) throws Exception {
        return adapter(instance).path("settings").path(name).path("configured").asInt();
    }

    private void ping() throws Exception {
        for (int i = 0; i < REQUESTS; i++) {
            FleetHttp.Answer answer = FleetHttp.get(this.fleet.get(i % this.fleet.size()).url("/fleet/ping"));
            assertThat(answer.status()).isEqualTo(200);
        }
    }

    private List<ReceivedSpan> pingRoots() {
        return this.receiver.spans().stream()
            .filter((span) -> span.span().getName().equals(PING_SPAN) && span.parentSpanId().isEmpty())
            .toList();
    }

    private static String instanceOf(ReceivedSpan span) {
        return span.resourceSpans().getResource().getAttributesList().stream()
            .filter((attribute) -> attribute.getKey().equals("service.instance.id"))
            .map((attribute) -> attribute.getValue().getStringValue())
            .findFirst()
            .orElse("");
    }

    private static void assertSettings(FleetInstanceProcess instance, int threshold, int capacity, boolean logging,
            float probability) throws Exception {
        JsonNode body = FleetHttp.get(instance.url("/actuator/observability")).json();
        JsonNode adapter = body.path("adapters").path(CountingAdapter.NAME);
        assertThat(Map.of(THRESHOLD, setting(adapter, THRESHOLD).asDouble(), CAPACITY,
                setting(adapter, CAPACITY).asDouble(), LOGGING, setting(adapter, LOGGING).asBoolean() ? 1.0 : 0.0,
                SAMPLING, setting(body, SAMPLING).asDouble()))
            .as(instance + ": effective settings")
            .isEqualTo(Map.of(THRESHOLD, (double) threshold, CAPACITY, (double) capacity, LOGGING,
                    logging ? 1.0 : 0.0, SAMPLING, (double) probability));
        assertThat(adapter.path("queueCapacity").asInt()).as(instance + ": the lane's queue").isEqualTo(capacity);
    }

    private static JsonNode setting(JsonNode owner, String name) {
        return owner.path("settings").path(name).path("effective");
    }

    /**
     * Once the lane's queue is empty: the adapter's account is exact, and every request's event reached it.
     */
    private static void assertNothingLost(FleetInstanceProcess instance, Traffic traffic) throws Exception {
        assertThat(traffic.failures()).as(instance + ": requests not answered 200").isEmpty();
        assertThat(traffic.answered()).as(instance + ": requests answered").isPositive();
        await(instance + " delivering what its queue holds").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
            .until(() -> adapter(instance).path("pending").asLong() == 0);
        JsonNode account = adapter(instance);
        assertThat(account.path("submitted").asLong()).as(instance + ": submitted = delivered + failed + dropped + "
                + "rejected + pending, in " + account)
            .isEqualTo(account.path("delivered").asLong() + account.path("failed").asLong()
                    + account.path("dropped").asLong() + account.path("rejected").asLong()
                    + account.path("pending").asLong());
        JsonNode received = FleetHttp.get(instance.url("/fleet/received")).json();
        assertThat(received.path("work").asLong()).as(instance + ": events of the traffic that reached the adapter")
            .isEqualTo(traffic.answered());
    }

    private static JsonNode adapter(FleetInstanceProcess instance) throws Exception {
        return FleetHttp.get(instance.url("/actuator/observability/" + CountingAdapter.NAME)).json();
    }

    private static long lines(FleetInstanceProcess instance, String text) throws IOException {
        return instance.output().lines().filter((line) -> line.contains(text)).count();
    }

    private static List<String> settings(int threshold, int capacity, boolean logging, String probability) {
        return List.of(ADAPTER + THRESHOLD + "=" + threshold, ADAPTER + CAPACITY + "=" + capacity,
                ADAPTER + LOGGING + "=" + logging, "management.tracing.sampling.probability=" + probability);
    }

    private <T extends AutoCloseable> T started(T resource) {
        this.started.push(resource);
        return resource;
    }
}
