package dev.observability.core.internal.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.CheckResult;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthMonitorTests {

    private final CountDownLatch release = new CountDownLatch(1);

    private final AtomicInteger runs = new AtomicInteger();

    private final TestAdapter receiver = new TestAdapter("receiver", DispatchMode.INLINE);

    private final TestAdapter receiverToo = new TestAdapter("receiver-too", DispatchMode.ASYNC);

    private ObservabilityManager manager;

    @AfterEach
    void stop() {
        this.release.countDown();
        this.manager.close();
    }

    /**
     * A manager whose checks time out after a second: long enough that a passing check is not reported as timed out
     * when a loaded machine delays its thread, short enough for the tests of a hung check.
     */
    private ObservabilityManager manager(Duration interval, HealthCheck check) {
        this.manager = ObservabilityManager.builder().adapter(this.receiver).adapter(this.receiverToo)
            .healthSettings(new HealthSettings(interval, Duration.ofSeconds(1), 3)).healthCheck(check).build();
        return this.manager;
    }

    private HealthCheck counting(String name, java.util.concurrent.Callable<AdapterHealth> check) {
        return HealthCheck.of(name, () -> {
            this.runs.incrementAndGet();
            return check.call();
        });
    }

    private static CheckResult check(HealthReport report) {
        return report.checks().get(0);
    }

    @Test
    void runsOnTheScheduleAndEveryReportGoesToEveryHealthAdapter() {
        manager(Duration.ofMillis(50), counting("db", AdapterHealth::up)).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.reports.size() >= 3
                && this.receiverToo.reports.size() >= 3);
        assertThat(this.runs.get()).isGreaterThanOrEqualTo(3);
        HealthReport first = this.receiver.reports.get(0);
        assertThat(this.receiverToo.reports).contains(first);
        assertThat(first.status()).isEqualTo(HealthStatus.UP);
        assertThat(first.adapters()).extracting((adapter) -> adapter.name()).containsExactly("receiver",
                "receiver-too");
    }

    @Test
    void stampsEachAdaptersOwnHealthWithWhenTheCycleAskedForIt() {
        manager(Duration.ofHours(1), counting("db", AdapterHealth::up));
        assertThat(this.manager.controls()
            .adapter("receiver").orElseThrow().healthCheckedAt()).as("before any cycle").isNull();
        Instant before = Instant.now();
        this.manager.controls().runHealthChecks();
        Instant checked = this.manager.controls().adapter("receiver").orElseThrow().healthCheckedAt();
        assertThat(checked).isNotNull().isAfterOrEqualTo(before);
        long submitted = this.manager.controls().adapter("receiver").orElseThrow().total().submitted();
        this.manager.log(LogLevel.INFO, "after the cycle");
        AdapterSnapshot after = this.manager.controls().adapter("receiver").orElseThrow();
        assertThat(after.total().submitted()).as("the counts are live").isGreaterThan(submitted);
        assertThat(after.healthCheckedAt()).as("the stamp moves with the cycles only").isEqualTo(checked);
        this.manager.controls().runHealthChecks();
        assertThat(this.manager.controls()
            .adapter("receiver").orElseThrow().healthCheckedAt()).isAfterOrEqualTo(checked);
    }

    @Test
    void checkThatOverrunsTheTimeoutIsDownWithTimedOutAndIsNotStartedAgainMeanwhile() {
        manager(Duration.ofHours(1), counting("hangs", () -> {
            this.release.await();
            return AdapterHealth.up();
        }));
        HealthReport report = this.manager.controls().runHealthChecks();
        assertThat(check(report).health().status()).as("DOWN at once, not DEGRADED").isEqualTo(HealthStatus.DOWN);
        assertThat(check(report).health().message()).contains("timed out");
        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        HealthReport next = this.manager.controls().runHealthChecks();
        assertThat(check(next).health().message()).contains("timed out", "still running");
        assertThat(this.runs).as("the hung check holds one thread, not one per cycle").hasValue(1);
    }

    @Test
    void aCycleRunWhileAnotherAsksACheckWaitsForThatCallAndReportsItsAnswer() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        HealthCheck slow = counting("slow", () -> {
            asked.countDown();
            this.release.await();
            return AdapterHealth.up();
        });
        // a timeout no loaded machine reaches, so both cycles wait for the check's answer
        this.manager = ObservabilityManager.builder().adapter(this.receiver)
            .healthSettings(new HealthSettings(Duration.ofHours(1), Duration.ofMinutes(1), 3)).healthCheck(slow).build();
        // threads of the test's own, not the common pool, which may have a single thread for both blocking tasks
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<HealthReport> first = CompletableFuture.supplyAsync(this.manager.controls()::runHealthChecks, threads);
        assertThat(asked.await(10, TimeUnit.SECONDS)).as("the first cycle asks the check").isTrue();
        // the check is released once this thread's cycle waits for the call the first cycle started
        Thread tester = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> waitsForAnEarlierCall(tester));
            this.release.countDown();
        }, threads);
        try {
            HealthReport second = this.manager.controls().runHealthChecks();
            assertThat(check(second).health().status()).as("not DOWN as still running").isEqualTo(HealthStatus.UP);
            assertThat(check(first.get(10, TimeUnit.SECONDS)).health().status()).isEqualTo(HealthStatus.UP);
            assertThat(this.runs).as("asked once for both cycles").hasValue(1);
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static boolean waitsForAnEarlierCall(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
            .anyMatch((frame) -> frame.getClassName().endsWith("HealthMonitor$Call")
                    && frame.getMethodName().equals("await"));
    }

    @Test
    void failingCheckIsDegradedUntilTheThresholdThenDownAndUpWhenItPasses() {
        AtomicBoolean failing = new AtomicBoolean(true);
        manager(Duration.ofHours(1), counting("flaky", () -> {
            if (failing.get()) {
                throw new IllegalStateException("connection refused");
            }
            return AdapterHealth.up();
        }));
        assertThat(check(this.manager.controls().runHealthChecks()).health().status()).isEqualTo(HealthStatus.DEGRADED);
        CheckResult second = check(this.manager.controls().runHealthChecks());
        assertThat(second.health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(second.consecutiveFailures()).isEqualTo(2);
        CheckResult third = check(this.manager.controls().runHealthChecks());
        assertThat(third.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(third.health().message()).contains("connection refused");
        failing.set(false);
        CheckResult recovered = check(this.manager.controls().runHealthChecks());
        assertThat(recovered.health().status()).isEqualTo(HealthStatus.UP);
        assertThat(recovered.consecutiveFailures()).isZero();
        failing.set(true);
        assertThat(check(this.manager.controls().runHealthChecks()).health().status()).as("the count starts again")
            .isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void onDemandReportIsTheLastCycleAndRunsNothing() {
        manager(Duration.ofHours(1), counting("db", AdapterHealth::up));
        HealthReport cycle = this.manager.controls().runHealthChecks();
        int runsAfterCycle = this.runs.get();
        assertThat(this.manager.controls().health()).isSameAs(cycle);
        assertThat(this.manager.controls().health()).isSameAs(cycle);
        assertThat(this.runs).hasValue(runsAfterCycle);
    }

    @Test
    void adapterHealthThatThrowsOrHangsIsDownAndTheCycleStillEnds() {
        TestAdapter healthy = new TestAdapter("healthy", DispatchMode.INLINE);
        ObservabilityManager built = ObservabilityManager.builder()
            .adapter(new HealthOf("throws", () -> {
                throw new IllegalStateException("no answer");
            }))
            .adapter(new HealthOf("hangs", () -> {
                this.release.await();
                return AdapterHealth.up();
            }))
            .adapter(healthy)
            .healthSettings(new HealthSettings(Duration.ofHours(1), Duration.ofMillis(200), 3))
            .build();
        this.manager = built;
        HealthReport report = built.controls().runHealthChecks();
        assertThat(report.adapters()).filteredOn((a) -> a.name().equals("throws")).singleElement()
            .satisfies((a) -> assertThat(a.health().message()).contains("no answer"));
        assertThat(report.adapters()).filteredOn((a) -> a.name().equals("hangs")).singleElement()
            .satisfies((a) -> assertThat(a.health().message()).contains("timed out"));
        assertThat(report.adapters()).filteredOn((a) -> a.name().equals("healthy")).singleElement()
            .satisfies((a) -> assertThat(a.health().status()).isEqualTo(HealthStatus.UP));
    }

    /**
     * An adapter whose only interesting part is its health.
     */
    private record HealthOf(String name, java.util.concurrent.Callable<AdapterHealth> answer) implements HealthAdapter {

        @Override
        public AdapterHealth health() {
            try {
                return this.answer.call();
            }
            catch (RuntimeException ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void report(HealthReport report) {
        }
    }
}
