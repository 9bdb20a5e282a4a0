package dev.observability.autoconfigure.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.chaos.HangGate;
import dev.observability.core.chaos.HeapProbe;
import dev.observability.core.chaos.LiveThreads;
import dev.observability.core.chaos.Producers;
import dev.observability.core.chaos.SoakDuration;
import dev.observability.core.chaos.SoakSummary;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos and soak run in a real web application: four threads record every signal through the manager bean
 * while custom adapter beans misbehave, one adapter is switched off and on over HTTP through
 * {@code POST /actuator/observability/{name}}, and {@code /actuator/health} is polled. Afterwards the application
 * saw no exception, the health endpoint always answered 200, the healthy adapters lost nothing, every account is
 * exact, the heap stayed flat, and no observability thread outlives the context. {@code -Dsoak.duration} sets the
 * length (default 15 s).
 */
@Tag("soak")
class SpringChaosSoakTests {

    private static final Duration RUN = SoakDuration.orDefault(Duration.ofSeconds(15));

    private static final int HEAP_SAMPLES = 12;

    private static final String CHAOS_LANE = "dispatch.mode=async,dispatch.queue-capacity=1024,"
            + "circuit-breaker.failure-rate-threshold=50,circuit-breaker.sliding-window-size=20,"
            + "circuit-breaker.minimum-number-of-calls=10,circuit-breaker.wait-duration-in-open-state=300ms,"
            + "circuit-breaker.permitted-number-of-calls-in-half-open-state=3,circuit-breaker.slow-call-duration-threshold=200ms";

    @Test
    void applicationIsUnharmedWhileAdaptersMisbehaveAndOneIsSwitchedOverHttp() throws Exception {
        LiveThreads threadsBefore = LiveThreads.now();
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health,observability",
                "management.endpoint.observability.access=unrestricted",
                "observability.json-logging.enabled=false", "observability.health.interval=250ms",
                "observability.dispatch.failure-log-interval=1s", "observability.dispatch.shutdown-timeout=10s",
                "observability.adapters.healthy-inline.dispatch.mode=inline",
                "observability.adapters.healthy-async.dispatch.mode=async",
                "observability.adapters.healthy-async.dispatch.queue-capacity=65536",
                "observability.adapters.toggled.dispatch.mode=inline"));
        for (String adapter : List.of("throwing", "hanging", "slow")) {
            for (String setting : CHAOS_LANE.split(",")) {
                properties.add("observability.adapters." + adapter + "." + setting);
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReliabilityTestApplication.class)
            .properties(properties.toArray(String[]::new))
            .run();
        ObservabilityManager manager = context.getBean(ObservabilityManager.class);
        HangGate gate = context.getBean(HangGate.class);
        Http http = new Http(EndpointExposureTests.port(context));
        List<Integer> switchAnswers = new CopyOnWriteArrayList<>();
        List<Integer> healthAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean on = new AtomicBoolean(true);
        ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();
        operator.scheduleWithFixedDelay(() -> {
            try {
                boolean next = !on.get();
                switchAnswers.add(http.post("/actuator/observability/toggled", "{\"enabled\":" + next + "}")
                    .statusCode());
                on.set(next);
                healthAnswers.add(http.get("/actuator/health").statusCode());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (Exception ex) {
                switchAnswers.add(-1);
                System.out.println("switch over HTTP failed: " + ex);
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
        operator.scheduleWithFixedDelay(gate::release, 1500, 1500, TimeUnit.MILLISECONDS);
        Producers producers = new Producers(manager, 4, Duration.ofNanos(200_000));
        HeapProbe heap = new HeapProbe();
        producers.start();
        for (int i = 0; i < HEAP_SAMPLES; i++) {
            TimeUnit.NANOSECONDS.sleep(RUN.toNanos() / HEAP_SAMPLES);
            heap.sample();
        }
        boolean producersEnded = producers.stop(Duration.ofSeconds(30));
        operator.shutdownNow();
        operator.awaitTermination(10, TimeUnit.SECONDS);
        gate.open();
        manager.controls().setEnabled("toggled", true);
        Map<String, ChaosAdapter> adapters = new LinkedHashMap<>(context.getBeansOfType(ChaosAdapter.class));
        context.close();

        Map<String, AdapterSnapshot> snapshots = new LinkedHashMap<>();
        manager.controls().adapters().forEach((snapshot) -> snapshots.put(snapshot.name(), snapshot));
        SoakSummary.print("spring soak (" + switchAnswers.size() + " switches over HTTP)", RUN, producers, heap,
                snapshots.values());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(producersEnded).as("every producer ended: no recording blocked").isTrue();
        softly.assertThat(producers.thrown()).as("exceptions the application saw").isEmpty();
        softly.assertThat(switchAnswers).as("answers to POST /actuator/observability/toggled").isNotEmpty()
            .containsOnly(204);
        softly.assertThat(healthAnswers).as("answers to GET /actuator/health").isNotEmpty().containsOnly(200);
        for (ChaosAdapter adapter : adapters.values()) {
            AdapterSnapshot snapshot = snapshots.get(adapter.name());
            for (Map.Entry<Signal, SignalCounts> entry : snapshot.counts().entrySet()) {
                SignalCounts counts = entry.getValue();
                softly.assertThat(counts.pending()).as("%s %s pending after close", adapter, entry.getKey()).isZero();
                softly.assertThat(adapter.calls(entry.getKey())).as("%s %s calls = delivered + failed", adapter,
                        entry.getKey()).isEqualTo(counts.delivered() + counts.failed());
                if (entry.getKey() != Signal.HEALTH) {
                    softly.assertThat(counts.submitted()).as("%s %s submitted >= recorded", adapter, entry.getKey())
                        .isGreaterThanOrEqualTo(producers.recorded(entry.getKey()));
                }
            }
        }
        for (String healthy : List.of("healthy-inline", "healthy-async")) {
            AdapterSnapshot snapshot = snapshots.get(healthy);
            softly.assertThat(snapshot.total().failed() + snapshot.total().rejectedCircuitOpen()).isZero();
            for (Signal signal : List.of(Signal.METRICS, Signal.TRACING, Signal.LOGGING)) {
                // Delivered also holds what Boot records (HTTP requests, its log lines); the events recorded from
                // inside a lane (Resilience4j's meters about the lanes, bridged back) are dropped by the loop guard.
                softly.assertThat(snapshot.counts().get(signal).delivered())
                    .as("%s received every %s event the producers recorded", healthy, signal)
                    .isGreaterThanOrEqualTo(producers.recorded(signal));
            }
        }
        softly.assertThat(snapshots.get("toggled").total().rejectedDisabled()).as("switched off over HTTP")
            .isPositive();
        softly.assertThat(snapshots.get("slow").total().dropped()).as("the slow adapter's queue overflowed")
            .isPositive();
        softly.assertThat(heap.growth(24L * 1024 * 1024)).as("heap growth across the run").isNull();
        softly.assertAll();

        await("observability threads to end").atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(threadsBefore.startedSince("observability")).isEmpty());
    }
}
