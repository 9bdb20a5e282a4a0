package dev.observability.core.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.observability.core.ManagerSetting;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.logging.LogLimits;
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
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, BridgeGate.everyAdapter());
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
            manager.logBridge(READER, BridgeGate.everyAdapter())
                .dispatch(new FrameworkEvent("order placed", "x"), LogLevel.INFO);
            await().atMost(Duration.ofSeconds(10)).until(() -> this.async.received.size() == 1);
            assertThat(this.async.received.get(0).event().message()).startsWith("order").contains("truncated");
            assertThat(manager.controls().refusals().truncations()).isOne();
        }
    }

    @Test
    void adaptersTheBridgeDoesNotAcceptAndEventsBelowTheMinimumLevelGetNothing() {
        Recorder inline = new Recorder("inline");
        try (ObservabilityManager manager = started(ObservabilityManager.builder().adapter(this.async)
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .minimumLevel(LogLevel.WARN))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER,
                    (adapter) -> (adapter == inline) ? BridgeGate.ALWAYS : BridgeGate.NEVER);
            bridge.dispatch(new FrameworkEvent(LogLevel.INFO, "below", "x"), LogLevel.INFO);
            bridge.dispatch(new FrameworkEvent(LogLevel.WARN, "at the level", "x"), LogLevel.WARN);
            assertThat(inline.received).extracting((received) -> received.event().message())
                .containsExactly("at the level");
            assertThat(manager.controls().adapter("async").orElseThrow().total().submitted()).isZero();
        }
    }

    @Test
    void theGateIsAskedOncePerAdapterUntilTheLoggingAdaptersChange() {
        Recorder inline = new Recorder("inline");
        AtomicInteger asked = new AtomicInteger();
        BridgeGate counting = (adapter) -> {
            asked.incrementAndGet();
            return BridgeGate.ALWAYS;
        };
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE)))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, counting);
            for (int i = 0; i < 100; i++) {
                bridge.dispatch(new FrameworkEvent("before", "x"), LogLevel.INFO);
            }
            assertThat(asked).as("once, for the one adapter").hasValue(1);
            Recorder added = new Recorder("added");
            manager.register(added, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE));
            bridge.dispatch(new FrameworkEvent("after", "x"), LogLevel.INFO);
            assertThat(asked).as("again for both, once the adapters changed").hasValue(3);
            assertThat(added.received).extracting((received) -> received.event().message()).containsExactly("after");
            assertThat(inline.received).hasSize(101);
        }
    }

    @Test
    void anAdapterWhoseGateIsAConditionReceivesOnlyTheEventsLoggedWhileItHolds() {
        Recorder inline = new Recorder("inline");
        AtomicBoolean open = new AtomicBoolean(true);
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE)))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, (adapter) -> open::get);
            bridge.dispatch(new FrameworkEvent("open", "x"), LogLevel.INFO);
            open.set(false);
            assertThat(bridge.reachesALane(LogLevel.INFO)).isFalse();
            bridge.dispatch(new FrameworkEvent("closed", "x"), LogLevel.INFO);
            open.set(true);
            assertThat(bridge.reachesALane(LogLevel.INFO)).isTrue();
            bridge.dispatch(new FrameworkEvent("open again", "x"), LogLevel.INFO);
            assertThat(inline.received).extracting((received) -> received.event().message())
                .containsExactly("open", "open again");
        }
    }

    @Test
    void aGateOrConditionThatFailsLetsTheEventThroughRatherThanLoseIt() {
        Recorder failingGate = new Recorder("failing-gate");
        Recorder silentGate = new Recorder("silent-gate");
        Recorder failingCondition = new Recorder("failing-condition");
        BridgeGate gate = (adapter) -> {
            if (adapter == failingGate) {
                throw new IllegalStateException("gate failed");
            }
            if (adapter == silentGate) {
                return nothing();
            }
            return () -> {
                throw new IllegalStateException("condition failed");
            };
        };
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(failingGate, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(silentGate, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(failingCondition, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE)))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, gate);
            assertThat(bridge.reachesALane(LogLevel.INFO)).isTrue();
            bridge.dispatch(new FrameworkEvent("kept", "x"), LogLevel.INFO);
            for (Recorder recorder : List.of(failingGate, silentGate, failingCondition)) {
                assertThat(recorder.received).as(recorder.name())
                    .extracting((received) -> received.event().message())
                    .containsExactly("kept");
            }
        }
    }

    @SuppressWarnings("NullAway") // a gate written without null checks, as a bridge's author might
    private static BooleanSupplier nothing() {
        return null;
    }

    @Test
    void anEventQueuedBeforeTheMinimumLevelRisesIsDeliveredAndCountedOnce() {
        ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(this.async, LaneSettings.DEFAULTS.withMaxDelay(Duration.ofMinutes(1))));
        try (manager) {
            // the worker delivers what it finds before its first park: wait until it waits for a batch or a minute
            await().atMost(Duration.ofSeconds(10)).until(() -> isParked("observability-lane-async"));
            manager.logBridge(READER, BridgeGate.everyAdapter())
                .dispatch(new FrameworkEvent("queued", "x"), LogLevel.INFO);
            manager.controls().changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.ERROR));
            assertThat(this.async.received).as("still queued: the worker waits for a batch or a minute").isEmpty();
        }
        assertThat(this.async.received).extracting((received) -> received.event().message()).containsExactly("queued");
        SignalCounts counts = manager.controls().adapter("async").orElseThrow().total();
        assertThat(counts.submitted()).isOne();
        assertThat(counts.delivered()).isOne();
    }

    @Test
    void handingAnEventToAnAsyncLaneAllocatesNothingOnTheCallersThread() {
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(this.async, LaneSettings.DEFAULTS.withQueueCapacity(1 << 16)))) {
            LogBridge<FrameworkEvent> bridge = manager.logBridge(READER, BridgeGate.everyAdapter());
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
