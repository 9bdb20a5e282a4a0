package dev.observability.autoconfigure.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.logs.OpenTelemetryLogsAdapter;
import dev.observability.autoconfigure.opentelemetry.metrics.OpenTelemetryMetricsAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.Backend;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.chaos.HeapProbe;
import dev.observability.core.chaos.Producers;
import dev.observability.core.chaos.SoakDuration;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.HealthStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OTLP collector of the three OpenTelemetry signals (spans, metrics pushed every 200 ms, log records) and a
 * custom adapter's backend are down for the whole run of a real application (Boot's OpenTelemetry SDK and OTLP meter
 * registry, the JUL-to-Logback bridge Boot installs), while two threads record every signal and log. Every line the
 * application log receives is captured, the SDK's and Micrometer's own included: each adapter (each OpenTelemetry
 * signal and the custom one) is reported at least once and at most once per
 * {@code observability.dispatch.failure-log-interval}, the SDK's own lines about failed exports stay within its
 * throttling (five a minute, then one a minute, for each exporter), and Micrometer writes no line of its own about the
 * failed pushes. The heap after GC stays flat, health shows each signal's outage while the overall health
 * stays UP, and once the collector listens and the backend answers, delivery resumes with no action from anyone.
 * {@code -Dsoak.duration} sets the length of the outage (default 20 s).
 */
@Tag("soak")
class BackendsDownForALongTimeTests {

    private static final Duration OUTAGE = SoakDuration.orDefault(Duration.ofSeconds(20));

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(2);

    private static final int HEAP_SAMPLES = 9;

    private static final long HEAP_MARGIN = 24L * 1024 * 1024;

    /**
     * A report's time is taken when its line reaches Logback, after the failure log let it out on the nano clock: on a
     * loaded machine the reporting thread (an exporter's HTTP callback) can be held up that long in between.
     */
    private static final long CLOCK_SLACK_MILLIS = 1000;

    private static final List<String> SIGNALS = List.of(OpenTelemetryAdapter.NAME, OpenTelemetryMetricsAdapter.NAME,
            OpenTelemetryLogsAdapter.NAME);

    private static final String BACKEND = "audit-backend";

    /**
     * The SDK's throttling logger, one per exporter: five lines at once and one more every 12 s, then, once that is
     * spent, its notice with one line and one a minute; so at most six lines and one every 10 s of the outage.
     */
    private static final int SDK_LINES_AT_ONCE = 6;

    private static final long SDK_MILLIS_PER_LINE = 10_000;

    @Test
    void outageIsQuietInTheLogBoundedVisibleInHealthAndHealsByItself() throws Exception {
        int collectorPort = freeLoopbackPort();
        String collector = "http://127.0.0.1:" + collectorPort;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OutageApplication.class)
            .web(WebApplicationType.NONE)
            .properties("management.tracing.sampling.probability=1.0",
                    "management.opentelemetry.tracing.export.otlp.endpoint=" + collector + OtlpHttpTestReceiver.TRACES_PATH,
                    "management.opentelemetry.tracing.export.otlp.timeout=1s",
                    "management.opentelemetry.tracing.export.schedule-delay=100ms",
                    "management.opentelemetry.logging.export.otlp.endpoint=" + collector + OtlpHttpTestReceiver.LOGS_PATH,
                    "management.opentelemetry.logging.export.otlp.timeout=1s",
                    "management.opentelemetry.logging.export.schedule-delay=100ms",
                    "management.otlp.metrics.export.url=" + collector + OtlpHttpTestReceiver.METRICS_PATH,
                    "management.otlp.metrics.export.step=200ms",
                    "management.otlp.metrics.export.connect-timeout=1s",
                    "management.otlp.metrics.export.read-timeout=1s",
                    "observability.json-logging.enabled=false",
                    "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=health",
                    "observability.dispatch.failure-log-interval=" + LOG_INTERVAL.toMillis() + "ms",
                    "observability.health.interval=500ms",
                    "observability.adapters." + BACKEND + ".dispatch.mode=async",
                    "observability.adapters." + BACKEND + ".dispatch.queue-capacity=1024",
                    "observability.adapters." + BACKEND + ".circuit-breaker.minimum-number-of-calls=10",
                    "observability.adapters." + BACKEND + ".circuit-breaker.sliding-window-size=20",
                    "observability.adapters." + BACKEND + ".circuit-breaker.wait-duration-in-open-state=500ms")
            .run();
        ListAppender<ILoggingEvent> log = captureTheApplicationLog();
        Producers producers = null;
        try {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            ExportOutcomes exports = context.getBean(OpenTelemetryAdapter.class).exports();
            ExportOutcomes logExports = context.getBean(OpenTelemetryLogsAdapter.class).exports();
            ExportOutcomes pushes = context.getBean(OpenTelemetryMetricsAdapter.class).exports();
            Backend backend = context.getBean(Backend.class);
            producers = new Producers(manager, 2, Duration.ofNanos(500_000));
            HeapProbe heap = new HeapProbe();
            long start = System.currentTimeMillis();
            producers.start();
            for (int i = 0; i < HEAP_SAMPLES; i++) {
                TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() / HEAP_SAMPLES);
                heap.sample();
            }
            Map<String, AdapterSnapshot> during = snapshots(manager);
            List<ILoggingEvent> lines = List.copyOf(log.list);
            long elapsed = System.currentTimeMillis() - start;

            Map<String, List<ILoggingEvent>> byAdapter = new LinkedHashMap<>();
            byAdapter.put(OpenTelemetryAdapter.NAME,
                    lines.stream().filter(mentioning(OpenTelemetryAdapter.NAME)).toList());
            byAdapter.put(OpenTelemetryMetricsAdapter.NAME,
                    lines.stream().filter(mentioning(OpenTelemetryMetricsAdapter.NAME)).toList());
            byAdapter.put(OpenTelemetryLogsAdapter.NAME,
                    lines.stream().filter(mentioning(OpenTelemetryLogsAdapter.NAME)).toList());
            byAdapter.put(BACKEND, lines.stream().filter(mentioning(BACKEND)).toList());
            report(elapsed, lines, byAdapter, heap, exports, logExports, pushes);

            assertThat(producers.thrown()).as("exceptions the application saw").isEmpty();
            assertThat(exports.failed()).as("spans in failed exports").isPositive();
            assertThat(logExports.failed()).as("log records in failed exports").isPositive();
            assertThat(pushes.failed()).as("failed metrics pushes").isPositive();
            for (String exported : List.of("spans", "logs")) {
                assertThat(lines.stream().filter(startingWith("Failed to export " + exported)))
                    .as("the SDK's own lines about failed exports of %s", exported)
                    .hasSizeLessThanOrEqualTo(SDK_LINES_AT_ONCE + (int) (elapsed / SDK_MILLIS_PER_LINE));
            }
            assertThat(lines.stream().filter(startingWith("Failed to publish")))
                .as("Micrometer's own lines about failed pushes").isEmpty();
            for (Map.Entry<String, List<ILoggingEvent>> adapter : byAdapter.entrySet()) {
                List<ILoggingEvent> about = adapter.getValue();
                assertThat(about).as("lines about %s", adapter.getKey()).isNotEmpty()
                    .hasSizeLessThanOrEqualTo((int) (elapsed / LOG_INTERVAL.toMillis()) + 1);
                for (int i = 1; i < about.size(); i++) {
                    assertThat(about.get(i).getTimeStamp() - about.get(i - 1).getTimeStamp())
                        .as("time between two lines about %s: %s then %s", adapter.getKey(), about.get(i - 1),
                                about.get(i))
                        .isGreaterThanOrEqualTo(LOG_INTERVAL.toMillis() - CLOCK_SLACK_MILLIS);
                }
            }
            assertThat(heap.growth(HEAP_MARGIN)).as("heap growth during the outage").isNull();
            assertThat(during.get(OpenTelemetryAdapter.NAME).health().message())
                .startsWith("the last span export failed");
            assertThat(during.get(OpenTelemetryMetricsAdapter.NAME).health().message())
                .startsWith("the last metrics publish failed to " + collector);
            assertThat(during.get(OpenTelemetryLogsAdapter.NAME).health().message())
                .startsWith("the last log export failed");
            for (String signal : SIGNALS) {
                assertThat(during.get(signal).health().status()).as("%s during the outage", signal)
                    .isEqualTo(HealthStatus.DOWN);
            }
            assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).as("the application's health")
                .isEqualTo(Status.UP);
            assertThat(during.get(BACKEND).health().status()).isIn(HealthStatus.CIRCUIT_OPEN, HealthStatus.DOWN);
            assertThat(during.get(BACKEND).total().rejectedCircuitOpen()).as("refused while open").isPositive();

            long deliveredBefore = during.get(BACKEND).total().delivered();
            try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(collectorPort)) {
                backend.setUp(true);
                // The producers keep the SDK's queues full, so no one span or record is sure to get in: any will do.
                await("delivery to resume by itself").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(receiver.spans()).as("spans the collector received").isNotEmpty();
                    assertThat(receiver.metricsRequests()).as("metrics pushes the collector received").isNotEmpty();
                    assertThat(receiver.logRecords()).as("log records the collector received").isNotEmpty();
                    assertThat(exports.exported()).isPositive();
                    assertThat(logExports.exported()).isPositive();
                    Map<String, AdapterSnapshot> now = snapshots(manager);
                    for (String signal : SIGNALS) {
                        assertThat(now.get(signal).health().status()).as("%s after the outage", signal)
                            .isEqualTo(HealthStatus.UP);
                    }
                    assertThat(now.get(BACKEND).circuitState()).isEqualTo("CLOSED");
                    assertThat(now.get(BACKEND).total().delivered()).isGreaterThan(deliveredBefore + 1000);
                    assertThat(now.get(BACKEND).health().status()).isEqualTo(HealthStatus.UP);
                });
            }
            assertThat(producers.stop(Duration.ofSeconds(10))).as("every producer ended").isTrue();
        }
        finally {
            if (producers != null) {
                producers.stop(Duration.ofSeconds(10));
            }
            rootLogger().detachAppender(log);
            context.close();
        }
    }

    /** Boot has set Logback up (and bridged java.util.logging into it): what reaches the root is the log. */
    private static ListAppender<ILoggingEvent> captureTheApplicationLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        rootLogger().addAppender(appender);
        return appender;
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Predicate<ILoggingEvent> mentioning(String adapterName) {
        return (line) -> line.getFormattedMessage().contains("'" + adapterName + "'");
    }

    private static Predicate<ILoggingEvent> startingWith(String prefix) {
        return (line) -> line.getFormattedMessage().startsWith(prefix);
    }

    /** What the health shows: the adapters' state as the scheduled health cycle last found it. */
    private static Map<String, AdapterSnapshot> snapshots(ObservabilityManager manager) {
        Map<String, AdapterSnapshot> snapshots = new LinkedHashMap<>();
        manager.controls().adapters().forEach((snapshot) -> snapshots.put(snapshot.name(), snapshot));
        return snapshots;
    }

    private static void report(long elapsed, List<ILoggingEvent> lines, Map<String, List<ILoggingEvent>> byAdapter,
            HeapProbe heap, ExportOutcomes exports, ExportOutcomes logExports, ExportOutcomes pushes) {
        System.out.printf("outage of %d ms, failure-log-interval %s: %d lines in the application log%n", elapsed,
                LOG_INTERVAL, lines.size());
        byAdapter.forEach((name, about) -> {
            List<Long> offsets = new ArrayList<>();
            about.forEach((line) -> offsets.add(line.getTimeStamp() - about.get(0).getTimeStamp()));
            System.out.printf("  %s: %d lines, at ms %s%n", name, about.size(), offsets);
        });
        lines.stream().filter((line) -> line.getLevel().isGreaterOrEqual(Level.WARN))
            .forEach((line) -> System.out.println("  " + line.getLevel() + " " + line.getLoggerName() + ": "
                    + line.getFormattedMessage()));
        System.out.printf("  spans: ended %d, exported %d, failed %d, dropped or queued %d%n", exports.handedOver(),
                exports.exported(), exports.failed(), exports.droppedOrQueued());
        System.out.printf("  log records: emitted %d, exported %d, failed %d, dropped or queued %d%n",
                logExports.handedOver(), logExports.exported(), logExports.failed(), logExports.droppedOrQueued());
        System.out.printf("  metrics pushes: succeeded %d, failed %d%n", pushes.exported(), pushes.failed());
        System.out.println("  heap after GC (bytes): " + heap.samples());
    }

    /** @return a loopback port nothing listens on (free when this returns) */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The application: Boot's OpenTelemetry SDK (exporting to a collector that is not there) and a custom adapter
     * whose backend refuses every call until it is set up again.
     */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class OutageApplication {

        @Bean
        Backend backend() {
            return new Backend(false);
        }

        @Bean
        ChaosAdapter auditBackend(Backend backend) {
            return new ChaosAdapter(BACKEND, backend, backend::health);
        }
    }
}
