package dev.observability.core.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.TestAdapter;
import dev.observability.core.testing.TestAdapter.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLogTests {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private final Logger dispatchLog = Logger.getLogger("dev.observability.core.dispatch");

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            FailureLogTests.this.records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    FailureLogTests() {
        this.dispatchLog.addHandler(this.capture);
    }

    @AfterEach
    void removeCapture() {
        this.dispatchLog.removeHandler(this.capture);
    }

    @Test
    void reportsAtMostOncePerIntervalWithTheCountSinceTheLastReport() {
        AtomicLong now = new AtomicLong(1_000);
        FailureLog log = new FailureLog("backend", Duration.ofSeconds(60), now::get);
        RuntimeException error = new IllegalStateException("refused");
        assertThat(log.failed(error)).as("the first failure is reported at once").isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            assertThat(log.failed(error)).as("inside the interval").isZero();
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(log.failed(error)).as("five silent failures and this one").isEqualTo(6);
        assertThat(this.records).hasSize(2);
        assertThat(this.records.get(1).getParameters()).containsExactly("backend", 6L,
                "java.lang.IllegalStateException: refused");
        assertThat(this.records.get(1).getLoggerName()).isEqualTo("dev.observability.core.dispatch");
    }

    @Test
    void failingAdapterIsReportedInTheApplicationLogNeverThroughTheLoggingAdapters() {
        TestAdapter failing = new TestAdapter("failing", DispatchMode.INLINE).fault(Fault.alwaysThrow());
        TestAdapter logs = new TestAdapter("logs", DispatchMode.INLINE);
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(failing, LaneSettings.DEFAULTS.withCircuitBreaker(new CircuitBreakerSettings(50f, 1000, 1000,
                    Duration.ofSeconds(30), 5, Duration.ofSeconds(1))))
            .adapter(logs)
            .signalEnabled(Signal.HEALTH, false)
            .minimumLevel(LogLevel.TRACE)
            .build()) {
            manager.start();
            for (int i = 0; i < 100; i++) {
                manager.counter("hits", Labels.empty());
            }
            assertThat(manager.controls().adapter("failing").orElseThrow().total().failed()).isEqualTo(100);
        }
        assertThat(this.records).as("one report for 100 failures in one interval").hasSize(1);
        assertThat(logs.events).as("the lane's own log never reaches a logging adapter")
            .noneMatch((event) -> event.startsWith("log"));
    }
}
