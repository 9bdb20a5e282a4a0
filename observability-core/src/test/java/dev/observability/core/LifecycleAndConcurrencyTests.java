package dev.observability.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import dev.observability.core.testing.Accounting;
import dev.observability.core.testing.TestAdapter;
import dev.observability.core.testing.TestAdapter.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleAndConcurrencyTests {

    private final CountDownLatch release = new CountDownLatch(1);

    private final List<LogRecord> summaries = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Logger managerLog = Logger.getLogger(ObservabilityManager.class.getName());

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LifecycleAndConcurrencyTests.this.summaries.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LifecycleAndConcurrencyTests() {
        this.managerLog.addHandler(this.capture);
    }

    @AfterEach
    void stop() {
        this.release.countDown();
        this.managerLog.removeHandler(this.capture);
    }

    @Test
    void orderlyStopDeliversEverythingQueuedAndLogsOneSummaryLine() {
        TestAdapter slowish = new TestAdapter("slowish", DispatchMode.ASYNC).fault(Fault.slow(Duration.ofMillis(1)));
        TestAdapter fast = new TestAdapter("fast", DispatchMode.ASYNC);
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(slowish, LaneSettings.DEFAULTS.withQueueCapacity(1000))
            .adapter(fast)
            .signalEnabled(Signal.HEALTH, false)
            .shutdownTimeout(Duration.ofSeconds(30))
            .build();
        manager.start();
        CounterHandle hits = manager.counterHandle("hits", Labels.empty());
        for (int i = 0; i < 500; i++) {
            hits.increment();
        }
        manager.close();
        assertThat(manager.controls().adapter("slowish").orElseThrow().counts().get(Signal.METRICS))
            .isEqualTo(new SignalCounts(500, 500, 0, 0, 0, 0, 0));
        assertThat(slowish.events).hasSize(500);
        assertThat(fast.events).hasSize(500);
        Accounting.assertSettled(manager.controls().adapter("slowish").orElseThrow(), slowish);
        assertThat(this.summaries).hasSize(1);
        assertThat(this.summaries.get(0).getMessage()).doesNotContain("\n")
            .contains("slowish[delivered=500 failed=0 dropped=0 rejected=0 pending=0]",
                    "fast[delivered=500 failed=0 dropped=0 rejected=0 pending=0]");
        manager.close();
        assertThat(this.summaries).as("closing twice logs once").hasSize(1);
    }

    @Test
    void afterStopNewEventsAreRefusedAndCounted() {
        TestAdapter adapter = new TestAdapter("after", DispatchMode.ASYNC);
        ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter)
            .signalEnabled(Signal.HEALTH, false).build();
        manager.start();
        manager.close();
        manager.counter("late", Labels.empty());
        manager.log(LogLevel.INFO, "late");
        assertThat(manager.isRunning()).isFalse();
        assertThat(manager.controls().adapter("after").orElseThrow().total().rejectedDisabled()).isEqualTo(2);
        assertThat(adapter.events).isEmpty();
    }

    @Test
    void hungAdapterCostsOnlyItsOwnQueueAtStop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        TestAdapter hung = new TestAdapter("hung", DispatchMode.ASYNC).fault(Fault.hangUntil(entered, this.release));
        TestAdapter slowish = new TestAdapter("slowish", DispatchMode.ASYNC).fault(Fault.slow(Duration.ofMillis(1)));
        ObservabilityManager manager = ObservabilityManager.builder().adapter(hung).adapter(slowish)
            .signalEnabled(Signal.HEALTH, false).shutdownTimeout(Duration.ofSeconds(2)).build();
        manager.start();
        manager.counter("first", Labels.empty());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 200; i++) {
            manager.counter("hits", Labels.empty());
        }
        manager.close();
        assertThat(slowish.events).as("the healthy lane drained while the hung one waited").hasSize(201);
        SignalCounts hungCounts = manager.controls().adapter("hung").orElseThrow().counts().get(Signal.METRICS);
        assertThat(hungCounts.dropped()).as("queued behind the hung call").isEqualTo(200);
        assertThat(hungCounts.pending()).as("the call still running").isEqualTo(1);
        assertThat(this.summaries.get(0).getMessage()).contains("hung[delivered=0 failed=0 dropped=200 rejected=0 pending=1]");
    }

    @Test
    void accountsAreExactAfterManyProducersWithGoodAndFaultyAdapters() throws Exception {
        TestAdapter goodInline = new TestAdapter("good-inline", DispatchMode.INLINE);
        TestAdapter goodAsync = new TestAdapter("good-async", DispatchMode.ASYNC);
        TestAdapter throwing = new TestAdapter("throwing", DispatchMode.ASYNC).fault(Fault.alwaysThrow());
        TestAdapter flaky = new TestAdapter("flaky", DispatchMode.INLINE).fault(Fault.throwEveryOtherCall());
        TestAdapter tinyQueue = new TestAdapter("tiny-queue", DispatchMode.ASYNC)
            .fault(Fault.slow(Duration.ofMillis(1)));
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(50f, 20, 10, Duration.ofMillis(50), 3,
                Duration.ofSeconds(1));
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(goodInline)
            .adapter(goodAsync, LaneSettings.DEFAULTS.withQueueCapacity(1 << 16))
            .adapter(throwing, LaneSettings.DEFAULTS.withCircuitBreaker(breaker))
            .adapter(flaky, LaneSettings.DEFAULTS.withCircuitBreaker(breaker))
            .adapter(tinyQueue, LaneSettings.DEFAULTS.withQueueCapacity(16))
            .signalEnabled(Signal.HEALTH, false)
            .shutdownTimeout(Duration.ofSeconds(30))
            .build();
        manager.start();
        int producers = 4;
        int perProducer = 5_000;
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(new Thread(() -> {
                CounterHandle hits = manager.counterHandle("hits", Labels.of("producer", "p" + producer));
                try {
                    go.await();
                }
                catch (InterruptedException ex) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    hits.increment();
                    if (i % 10 == 0) {
                        manager.log(LogLevel.INFO, "progress " + i);
                        manager.controls().setEnabled("good-inline", true);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
            assertThat(thread.isAlive()).isFalse();
        }
        manager.close();
        int metrics = producers * perProducer;
        int logs = producers * (perProducer / 10);
        for (TestAdapter adapter : List.of(goodInline, goodAsync, throwing, flaky, tinyQueue)) {
            var snapshot = manager.controls().adapter(adapter.name()).orElseThrow();
            Accounting.assertSettled(snapshot, adapter);
            assertThat(snapshot.counts().get(Signal.METRICS).submitted()).isEqualTo(metrics);
            assertThat(snapshot.counts().get(Signal.LOGGING).submitted()).isEqualTo(logs);
        }
        assertThat(goodInline.events).hasSize(metrics + logs);
        assertThat(goodAsync.events).hasSize(metrics + logs);
        assertThat(manager.controls().adapter("throwing").orElseThrow().total().delivered()).isZero();
        assertThat(manager.controls().adapter("tiny-queue").orElseThrow().total().dropped()).isPositive();
    }
}
