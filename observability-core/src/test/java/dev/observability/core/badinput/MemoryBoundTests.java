package dev.observability.core.badinput;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.chaos.HangGate;
import dev.observability.core.chaos.HeapProbe;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile volumes leave the manager's memory bounded: it keeps no state per series, and what waits in a queue is
 * cut to the log limits before it is queued.
 */
class MemoryBoundTests {

    private static final long MARGIN = 32L * 1024 * 1024;

    @Test
    void aMillionDistinctLabelValuesLeaveNoTraceInTheManager() {
        ChaosAdapter inline = new ChaosAdapter("inline", ChaosAdapter.healthy());
        ChaosAdapter async = new ChaosAdapter("async", ChaosAdapter.healthy());
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(async, LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC))
            .build()) {
            manager.start();
            HeapProbe heap = new HeapProbe();
            heap.sample();
            for (int i = 0; i < 1_000_000; i++) {
                manager.counter("requests", 1, Labels.of("user", "user-" + i));
                if (i % 200_000 == 0) {
                    heap.sample();
                }
            }
            heap.sample();
            assertThat(inline.calls(Signal.METRICS)).isEqualTo(1_000_000);
            assertThat(heap.growth(MARGIN)).isNull();
            assertThat(heap.samples().get(heap.samples().size() - 1) - heap.samples().get(0))
                .as("heap growth after a million series, bytes").isLessThan(MARGIN);
        }
    }

    @Test
    void aFullQueueOfHugeLogEventsHoldsOnlyTheCutEvents() {
        HangGate gate = new HangGate(1);
        ChaosAdapter hung = new ChaosAdapter("hung", gate);
        int events = 1200;
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(hung, LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC).withQueueCapacity(1024))
            .shutdownTimeout(Duration.ofSeconds(10))
            .build()) {
            manager.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.hangs() == 1);
            HeapProbe heap = new HeapProbe();
            heap.sample();
            for (int i = 0; i < events; i++) {
                String message = "m" + "x".repeat(128 * 1024) + i;
                String payload = "p" + "y".repeat(128 * 1024) + i;
                manager.log(LogLevel.INFO, message, Fields.of("payload", payload));
            }
            heap.sample();
            assertThat(manager.controls()
                .adapter("hung").orElseThrow().queueDepth()).as("events queued behind the hung call")
                .isEqualTo(1024);
            // Cut to the limits, a queued event holds at most 16,384 + 4,096 characters (UTF-16 once the marker is
            // added): about 42 MB for 1024 events. Uncut, they would hold 1024 x 256k characters: 268 MB.
            long bound = 1024L * (LogLimits.DEFAULTS.maxMessageLength() + LogLimits.DEFAULTS.maxFieldLength()) * 2
                    + MARGIN;
            assertThat(heap.samples().get(1) - heap.samples().get(0))
                .as("heap held by 1024 queued events whose message and field had 128k characters each")
                .isLessThan(bound);
            gate.open();
            manager.close();
            SignalCounts counts = manager.controls().adapter("hung").orElseThrow().counts().get(Signal.LOGGING);
            assertThat(counts.delivered() + counts.dropped()).isEqualTo(events);
            assertThat(counts.dropped()).isPositive();
        }
    }
}
