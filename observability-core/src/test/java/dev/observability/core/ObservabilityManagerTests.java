package dev.observability.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.testing.RecordingMetrics;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ObservabilityManagerTests {

    @Test
    void closeWritesOneSummaryLineToTheConfiguredLog() {
        RecordingMetrics metrics = new RecordingMetrics("first");
        List<String> log = new CopyOnWriteArrayList<>();
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(metrics, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .shutdownSummaryLog(log::add)
            .build()) {
            manager.start();
            manager.counter("orders.placed", Labels.empty());
        }
        assertThat(log).containsExactly(
                "Observability stopped: first[delivered=1 failed=0 dropped=0 rejected=0 pending=0]");
    }

    @Test
    void theSummaryShowsTheExportFiguresTheAdapterReportsWhenItIsClosed() {
        ExportingLogs adapter = new ExportingLogs();
        List<String> log = new CopyOnWriteArrayList<>();
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(adapter, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .shutdownSummaryLog(log::add)
            .build()) {
            manager.start();
            manager.log(LogLevel.INFO, "first");
            manager.log(LogLevel.INFO, "second");
            adapter.exported.set(1);
            adapter.failed.set(1);
            // the health cycle the start scheduled may still hold the adapter's earlier answer: ask until it is read
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                manager.controls().runHealthChecks();
                assertThat(manager.controls().adapter("exporting").orElseThrow().exports())
                    .isEqualTo(new ExportCounts("records", 1, 1, 0, 0));
            });
            manager.controls().setEnabled("exporting", false);
            assertThat(manager.controls().adapter("exporting").orElseThrow().exports()).as("whatever the lane's state")
                .isEqualTo(new ExportCounts("records", 1, 1, 0, 0));
            adapter.failed.set(3);
        }
        assertThat(log).containsExactly("Observability stopped: exporting[delivered=2 failed=0 dropped=0 rejected=0 "
                + "pending=0; records exported=1 failed=3 refused=0 droppedOrQueued=0]");
    }

    @Test
    void fansOutCounterToEveryMetricsAdapter() {
        RecordingMetrics first = new RecordingMetrics("first");
        RecordingMetrics second = new RecordingMetrics("second");
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(first, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(second, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .build()) {
            manager.start();
            manager.counter("orders.placed", 2, Labels.of("region", "eu"));
        }
        assertThat(first.events).containsExactly("counter orders.placed{region=eu} 2.0");
        assertThat(second.events).containsExactly("counter orders.placed{region=eu} 2.0");
    }

    @Test
    void jsonLoggerWritesOneParsableLineWithTraceIdsInsideASpan() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Span span;
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new JsonLoggingAdapter(out))
            .build()) {
            manager.start();
            span = manager.startSpan("checkout");
            manager.log(LogLevel.INFO, "line one\n{\"forged\":true}", Fields.of("user", "a\"b"));
            span.close();
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(line.get("message").asString()).isEqualTo("line one\n{\"forged\":true}");
        assertThat(line.get("trace_id").asString()).isEqualTo(span.context().traceId());
        assertThat(line.get("span_id").asString()).isEqualTo(span.context().spanId());
        assertThat(line.get("fields").get("user").asString()).isEqualTo("a\"b");
    }

    @Test
    void invalidNameIsRefusedAndCounted() {
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.counter("9 bad name", 1, Labels.empty());
            manager.counter("ok", -1, Labels.empty());
            manager.counter("ok", 1, Labels.of("k", null));
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_VALUE)).isEqualTo(1);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_LABELS)).isEqualTo(1);
        }
    }

    /** A logging adapter whose backend exports on its own: its health reports what the backend did. */
    static final class ExportingLogs implements LoggingAdapter {

        final AtomicLong exported = new AtomicLong();

        final AtomicLong failed = new AtomicLong();

        @Override
        public String name() {
            return "exporting";
        }

        @Override
        public void log(LogEvent event) {
        }

        @Override
        public AdapterHealth health() {
            return AdapterHealth.up().withExports(new ExportCounts("records", this.exported.get(), this.failed.get(),
                    0, 0));
        }
    }
}
