package dev.observability.core.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telemetry about the lanes themselves reaches every lane but the ones whose work caused it, and never loops. A lane's
 * failure report is written through {@link System.Logger} (java.util.logging in the core's tests); a handler that
 * records each line through the manager as a log event and as a count of log events stands in for a logging bridge
 * and for the count Spring Boot keeps of log lines ({@code logback.events}). A breaker event listener that records
 * through the manager stands in for an event-per-meter binding of Resilience4j.
 */
class FeedbackLoopTests {

    private static final String LINES = "dev.observability.test.feedback";

    @Test
    void aHealthyLaneReceivesEverySignalOfAnotherLanesFailureReport() {
        Healthy healthy = new Healthy("healthy");
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new Failing("throwing"), LaneSettings.DEFAULTS)
            .adapter(healthy, LaneSettings.DEFAULTS)
            .build();
                LoggingBridge bridge = LoggingBridge.to(manager)) {
            manager.start();
            manager.log(LogLevel.INFO, "order placed");
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.lines.size() == 2);
            assertThat(healthy.lines).containsExactlyInAnyOrder("order placed",
                    "Observability adapter 'throwing' failed 1 time(s) since its last report; last error: "
                            + "java.lang.IllegalStateException: throwing is down");
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.counted.size() == 1);
            assertThat(healthy.counted).containsExactly("logback.events");
            SignalCounts healthyLogs = counts(manager, "healthy", Signal.LOGGING);
            SignalCounts healthyMetrics = counts(manager, "healthy", Signal.METRICS);
            assertThat(healthyLogs.delivered()).isEqualTo(2);
            assertThat(healthyMetrics.delivered()).isEqualTo(1);
            assertThat(healthyLogs.rejected() + healthyMetrics.rejected()).isZero();
            assertThat(counts(manager, "throwing", Signal.LOGGING).rejectedReentrant())
                .as("its own report, refused by the failing lane").isEqualTo(1);
        }
    }

    /**
     * Two adapters that log two lines on every call: each line one lane's call writes reaches the other, whose call
     * writes two more, which both lanes in the chain refuse. One application line makes 13 events for each chatty
     * lane (3 calls, 10 refused as its own feedback) and 13 lines (with 13 counts) for the healthy adapter, whether
     * the lanes are INLINE or ASYNC, and a second line exactly as many again: the feedback ends, and nothing carries
     * over.
     */
    @ParameterizedTest
    @EnumSource(value = DispatchMode.class)
    void twoAdaptersThatLogWhileCalledCauseABoundedCountedCascade(DispatchMode dispatch) {
        Healthy healthy = new Healthy("healthy");
        LaneSettings chatty = LaneSettings.DEFAULTS.withDispatch(dispatch);
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new Chatty("first"), chatty)
            .adapter(new Chatty("second"), chatty)
            .adapter(healthy, LaneSettings.DEFAULTS)
            .build();
                LoggingBridge bridge = LoggingBridge.to(manager)) {
            manager.start();
            for (int line = 1; line <= 2; line++) {
                System.getLogger(LINES).log(System.Logger.Level.INFO, "application line " + line);
                long events = 13L * line;
                await().atMost(Duration.ofSeconds(10)).until(() -> healthy.lines.size() == events
                        && healthy.counted.size() == events && settled(manager, "first", events)
                        && settled(manager, "second", events));
                for (String name : List.of("first", "second")) {
                    SignalCounts counts = counts(manager, name, Signal.LOGGING);
                    assertThat(counts.delivered()).as("%s: calls", name).isEqualTo(3L * line);
                    assertThat(counts.rejectedReentrant()).as("%s: its own feedback", name).isEqualTo(10L * line);
                }
                assertThat(counts(manager, "healthy", Signal.LOGGING).rejected()).isZero();
                assertThat(counts(manager, "healthy", Signal.METRICS).rejected()).isZero();
            }
        }
    }

    @Test
    void anAdapterThatRecordsWhileCalledFeedsTheOthersButNeverItself() {
        Healthy healthy = new Healthy("healthy");
        Echo echo = new Echo();
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(echo, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(healthy, LaneSettings.DEFAULTS)
            .build()) {
            echo.manager = manager;
            manager.start();
            for (int i = 0; i < 100; i++) {
                manager.log(LogLevel.INFO, "order " + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.lines.size() == 200);
            assertThat(healthy.lines.stream().filter((line) -> line.startsWith("echo: order "))).hasSize(100);
            SignalCounts echoCounts = counts(manager, "echo", Signal.LOGGING);
            assertThat(echoCounts.delivered()).isEqualTo(100);
            assertThat(echoCounts.rejectedReentrant()).as("its own echoes").isEqualTo(100);
            assertThat(counts(manager, "healthy", Signal.LOGGING).rejected()).isZero();
        }
    }

    @Test
    void breakerEventsRecordedThroughTheManagerNeitherRecurseNorLoop() throws Exception {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        ChaosAdapter down = new ChaosAdapter("down", new Backend(false));
        ChaosAdapter inline = new ChaosAdapter("inline", ChaosAdapter.healthy());
        Healthy async = new Healthy("async");
        LaneSettings quickToOpen = LaneSettings.DEFAULTS.withCircuitBreaker(new CircuitBreakerSettings(50f, 4, 2,
                Duration.ofSeconds(30), 1, Duration.ofSeconds(1)));
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(registry))
            .adapter(down, quickToOpen.withDispatch(DispatchMode.INLINE))
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(async, LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC))
            .build()) {
            registry.getAllCircuitBreakers().forEach((breaker) -> breaker.getEventPublisher()
                .onEvent((event) -> manager.counter("resilience4j.circuitbreaker.events", 1,
                        Labels.of("name", event.getCircuitBreakerName(), "kind", event.getEventType().name()))));
            manager.start();
            CompletableFuture<Void> application = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1000; i++) {
                    manager.counter("orders", 1, Labels.empty());
                    manager.log(LogLevel.INFO, "order " + i);
                }
            });
            application.get(30, TimeUnit.SECONDS);
            assertThat(manager.controls().adapter("down").orElseThrow().circuitState()).isEqualTo("OPEN");
            manager.close();
            SignalCounts asyncMetrics = manager.controls().adapter("async").orElseThrow().counts().get(Signal.METRICS);
            assertThat(async.counted.stream().filter("orders"::equals)).as("the application's counters")
                .hasSize(1000);
            assertThat(async.breakers).as("the other lanes' breaker events").contains("down", "inline")
                .doesNotContain("async");
            assertThat(asyncMetrics.rejectedReentrant()).as("its own breaker's events").isPositive();
            assertThat(asyncMetrics.delivered()).isEqualTo(async.counted.size());
            assertThat(asyncMetrics.dropped()).isZero();
            assertThat(asyncMetrics.pending()).isZero();
            assertThat(inline.calls(Signal.METRICS)).as("the application's counters and the others' breaker events")
                .isGreaterThan(1000);
        }
    }

    private static boolean settled(ObservabilityManager manager, String name, long submitted) {
        SignalCounts counts = counts(manager, name, Signal.LOGGING);
        return counts.submitted() == submitted && counts.pending() == 0;
    }

    private static SignalCounts counts(ObservabilityManager manager, String name, Signal signal) {
        return manager.controls().lane(name).orElseThrow().counts(signal);
    }

    /**
     * Records each line of the failure reports' logger and of {@link #LINES} through the manager, as a logging bridge
     * would, and counts it, as Spring Boot's {@code logback.events} does. Close it to detach.
     */
    private static final class LoggingBridge extends Handler implements AutoCloseable {

        private final ObservabilityManager manager;

        private final List<Logger> loggers = List.of(Logger.getLogger("dev.observability.core.dispatch"),
                Logger.getLogger(LINES));

        private LoggingBridge(ObservabilityManager manager) {
            this.manager = manager;
            setLevel(Level.ALL);
            for (Logger logger : this.loggers) {
                logger.addHandler(this);
                logger.setUseParentHandlers(false);
            }
        }

        static LoggingBridge to(ObservabilityManager manager) {
            return new LoggingBridge(manager);
        }

        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            String message = (parameters != null) ? java.text.MessageFormat.format(record.getMessage(), parameters)
                    : record.getMessage();
            this.manager.log(LogLevel.WARN, message);
            this.manager.counter("logback.events", Labels.of("level", "warn"));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            for (Logger logger : this.loggers) {
                logger.removeHandler(this);
                logger.setUseParentHandlers(true);
            }
        }
    }

    /** A logging adapter that throws on every call. */
    private record Failing(String name) implements LoggingAdapter {

        @Override
        public void log(LogEvent event) {
            throw new IllegalStateException(this.name + " is down");
        }
    }

    /** A logging adapter that logs two lines on every call: what it received, and that it handed it on. */
    private record Chatty(String name) implements LoggingAdapter {

        @Override
        public void log(LogEvent event) {
            System.Logger lines = System.getLogger(LINES);
            lines.log(System.Logger.Level.INFO, this.name + " received: " + event.message());
            lines.log(System.Logger.Level.INFO, this.name + " handed on: " + event.message());
        }
    }

    /** A healthy adapter that keeps each line and each counter's name it receives, and breaker events' names. */
    private static final class Healthy implements LoggingAdapter, MetricsAdapter {

        final List<String> lines = new CopyOnWriteArrayList<>();

        final List<String> counted = new CopyOnWriteArrayList<>();

        final List<String> breakers = new CopyOnWriteArrayList<>();

        private final String name;

        Healthy(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return this.name;
        }

        @Override
        public void log(LogEvent event) {
            this.lines.add(event.message());
        }

        @Override
        public void counter(MetricId metric, double amount) {
            this.counted.add(metric.name());
            String breaker = metric.labels().get("name");
            if (breaker != null) {
                this.breakers.add(breaker);
            }
        }

        @Override
        public void gauge(MetricId metric, double value) {
        }

        @Override
        public void histogram(MetricId metric, double value) {
        }

        @Override
        public void timing(MetricId metric, Duration duration) {
        }
    }

    /** A logging adapter named {@code echo} that logs each line it receives again, through the manager. */
    private static final class Echo implements LoggingAdapter {

        volatile @Nullable ObservabilityManager manager;

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public void log(LogEvent event) {
            ObservabilityManager target = this.manager;
            if (target != null) {
                target.log(LogLevel.INFO, "echo: " + event.message());
            }
        }
    }
}
