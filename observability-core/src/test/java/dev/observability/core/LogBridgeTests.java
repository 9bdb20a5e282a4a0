package dev.observability.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.SignalCounts;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.testing.AllocatedBytes;
import dev.observability.core.tracing.Span;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A logging framework's bridge hands the framework's own events to the logging lanes: each lane reads the event where
 * it delivers it (an ASYNC lane on its worker), with the span current when it was logged, and applies the manager's
 * limits and redaction; the caller's thread only checks, filters and queues, and allocates nothing.
 */
class LogBridgeTests {

    /** A framework's event: what the bridge is handed. */
    private record FrameworkEvent(LogLevel level, String message, String secret) {

        FrameworkEvent(String message, String secret) {
            this(LogLevel.INFO, message, secret);
        }
    }

    private static final LogEventReader<FrameworkEvent> READER = (event, span) -> new LogEvent(Instant.EPOCH,
            event.level(), "framework", "logging-thread", event.message(), Fields.of("password", event.secret()), null,
            span);

    private final Recorder async = new Recorder("async");

    @Test
    void eachLaneReadsTheEventWhereItDeliversItWithTheSpanCurrentWhenLogged() {
        try (ObservabilityManager manager = started(ObservabilityManager.builder().adapter(this.async))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, (adapter) -> true);
            SpanContext logged;
            try (Span span = manager.startSpan("checkout")) {
                logged = span.context();
                bridge.dispatch(new FrameworkEvent("order placed", "hunter2"), LogLevel.INFO);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> this.async.received.size() == 1);
            Received received = this.async.received.get(0);
            assertThat(received.thread()).as("read on the lane's worker").isEqualTo("observability-lane-async");
            assertThat(received.event().span()).isEqualTo(logged);
            assertThat(received.event().message()).isEqualTo("order placed");
            assertThat(received.event().fields().get("password")).as("redacted").isEqualTo("******");
        }
    }

    @Test
    void theManagersLimitsApplyToTheReadEvent() {
        try (ObservabilityManager manager = started(ObservabilityManager.builder().adapter(this.async)
            .logLimits(new LogLimits(5, 100, 10)))) {
            manager.logBridge(READER, (adapter) -> true).dispatch(new FrameworkEvent("order placed", "x"), LogLevel.INFO);
            await().atMost(Duration.ofSeconds(10)).until(() -> this.async.received.size() == 1);
            assertThat(this.async.received.get(0).event().message()).startsWith("order").contains("truncated");
            assertThat(manager.refusals().truncations()).isOne();
        }
    }

    @Test
    void adaptersTheBridgeDoesNotAcceptAndEventsBelowTheMinimumLevelGetNothing() {
        Recorder inline = new Recorder("inline");
        try (ObservabilityManager manager = started(ObservabilityManager.builder().adapter(this.async)
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .minimumLevel(LogLevel.WARN))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, (adapter) -> adapter == inline);
            bridge.dispatch(new FrameworkEvent(LogLevel.INFO, "below", "x"), LogLevel.INFO);
            bridge.dispatch(new FrameworkEvent(LogLevel.WARN, "at the level", "x"), LogLevel.WARN);
            assertThat(inline.received).extracting((received) -> received.event().message())
                .containsExactly("at the level");
            assertThat(manager.adapter("async").orElseThrow().total().submitted()).isZero();
        }
    }

    @Test
    void anEventQueuedBeforeTheMinimumLevelRisesIsDeliveredAndCountedOnce() {
        ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(this.async, LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMinutes(1))));
        try (manager) {
            // the worker delivers what it finds before its first park: wait until it waits for a batch or a minute
            await().atMost(Duration.ofSeconds(10)).until(() -> isParked("observability-lane-async"));
            manager.logBridge(READER, (adapter) -> true).dispatch(new FrameworkEvent("queued", "x"), LogLevel.INFO);
            manager.changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.ERROR));
            assertThat(this.async.received).as("still queued: the worker waits for a batch or a minute").isEmpty();
        }
        assertThat(this.async.received).extracting((received) -> received.event().message()).containsExactly("queued");
        SignalCounts counts = manager.adapter("async").orElseThrow().total();
        assertThat(counts.submitted()).isOne();
        assertThat(counts.delivered()).isOne();
    }

    @Test
    void handingAnEventToAnAsyncLaneAllocatesNothingOnTheCallersThread() {
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(this.async, LaneSettings.DEFAULTS.withQueueCapacity(1 << 16)))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, (adapter) -> true);
            FrameworkEvent event = new FrameworkEvent("order placed", "x");
            for (int i = 0; i < 20_000; i++) {
                bridge.dispatch(event, LogLevel.INFO); // warm-up: compiled, the adders' cells made
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> this.async.received.size() == 20_000);
            assertThat(AllocatedBytes.perCall(200_000, () -> bridge.dispatch(event, LogLevel.INFO)))
                .as("bytes per event on the caller's thread").isLessThan(1.0);
        }
    }

    private static boolean isParked(String threadName) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .anyMatch((thread) -> thread.getName().equals(threadName)
                    && thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static ObservabilityManager started(ObservabilityManagerBuilder builder) {
        ObservabilityManager manager = builder.build();
        manager.start();
        return manager;
    }

    private record Received(LogEvent event, String thread) {
    }

    /** A logging adapter (ASYNC unless its lane says otherwise) that keeps each event and the thread it came on. */
    private static final class Recorder implements LoggingAdapter {

        final List<Received> received = new CopyOnWriteArrayList<>();

        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return this.name;
        }

        @Override
        public void log(@Nullable LogEvent event) {
            if (event != null) {
                this.received.add(new Received(event, Thread.currentThread().getName()));
            }
        }
    }
}
