package dev.observability.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.AllocatedBytes;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A timing recorded as an amount and a unit (as Micrometer's timers and the Micrometer bridge record) travels as its
 * nanoseconds: the adapter receives the same {@link Duration}, made where the lane delivers it, and the caller's
 * thread allocates nothing for an ASYNC lane.
 */
class TimingHandleTests {

    private final TestAdapter timings = new TestAdapter("timings", DispatchMode.ASYNC);

    @Test
    void anAmountAndAUnitReachTheAdapterAsTheSameDuration() {
        try (ObservabilityManager manager = started()) {
            TimingHandle handle = manager.timingHandle("http.server.requests", Labels.of("uri", "/orders"));
            handle.record(1_234_567, TimeUnit.NANOSECONDS);
            handle.record(3, TimeUnit.DAYS);
            handle.record(Duration.ofMillis(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> timings().size() == 3);
            assertThat(timings()).extracting((event) -> event.substring(event.lastIndexOf(' ') + 1))
                .containsExactly(Duration.ofNanos(1_234_567).toString(), Duration.ofDays(3).toString(),
                        Duration.ofMillis(5).toString());
        }
    }

    @Test
    void aNegativeAmountOrNoUnitIsRefusedAndCounted() {
        try (ObservabilityManager manager = started()) {
            TimingHandle handle = manager.timingHandle("http.server.requests", Labels.of("uri", "/orders"));
            handle.record(-1, TimeUnit.MILLISECONDS);
            handle.record(1, null);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_VALUE)).isEqualTo(2);
            assertThat(manager.controls()
                .adapter("timings").orElseThrow().counts().get(Signal.METRICS).submitted()).isZero();
        }
    }

    @Test
    void recordingOnAnAsyncLaneAllocatesNothingOnTheCallersThread() {
        try (ObservabilityManager manager = started()) {
            TimingHandle handle = manager.timingHandle("http.server.requests", Labels.of("uri", "/orders"));
            for (int i = 0; i < 20_000; i++) {
                handle.record(i, TimeUnit.MICROSECONDS); // warm-up: compiled, the adders' cells made
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> timings().size() == 20_000);
            assertThat(AllocatedBytes.perCall(20_000, () -> handle.record(7, TimeUnit.MICROSECONDS)))
                .as("bytes per recording on the caller's thread").isLessThan(1.0);
        }
    }

    /** @return the timings the adapter received (it also receives the health cycle's reports) */
    private List<String> timings() {
        return this.timings.events.stream().filter((event) -> event.startsWith("timing ")).toList();
    }

    private ObservabilityManager started() {
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(this.timings, LaneSettings.DEFAULTS.withQueueCapacity(1 << 16))
            .build();
        manager.start();
        return manager;
    }
}
