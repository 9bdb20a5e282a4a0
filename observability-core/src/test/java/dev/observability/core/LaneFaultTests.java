package dev.observability.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.internal.health.HealthMonitor;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import dev.observability.core.testing.Accounting;
import dev.observability.core.testing.Lanes;
import dev.observability.core.testing.TestAdapter;
import dev.observability.core.testing.TestAdapter.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: adapters that throw always, half the time, hang, answer slowly and come back after an outage,
 * next to a good adapter.
 */
class LaneFaultTests {

    /** Opens after 4 calls at 50 %, stays open 200 ms, probes with 2 calls, slow above 50 ms. */
    private static final CircuitBreakerSettings SMALL_BREAKER = new CircuitBreakerSettings(50f, 4, 4,
            Duration.ofMillis(200), 2, Duration.ofMillis(50));

    /**
     * Five times the slow-call threshold: the lanes time calls with the coarse clock, whose thread may be scheduled
     * late on a loaded machine; a call this long is measured slow unless the clock lags by more than 200 ms.
     */
    private static final Duration SLOW_CALL = Duration.ofMillis(250);

    private final TestAdapter good = new TestAdapter("good", DispatchMode.INLINE);

    private final TestAdapter goodAsync = new TestAdapter("good-async", DispatchMode.ASYNC);

    private final CountDownLatch release = new CountDownLatch(1);

    private ObservabilityManager manager;

    @AfterEach
    void stop() {
        this.release.countDown();
        if (this.manager != null) {
            this.manager.close();
        }
    }

    private ObservabilityManager start(TestAdapter faulty, LaneSettings settings) {
        this.manager = ObservabilityManager.builder().adapter(this.good).adapter(this.goodAsync)
            .adapter(faulty, settings)
            .signalEnabled(Signal.HEALTH, false)
            .build();
        this.manager.start();
        return this.manager;
    }

    private static LaneSettings lane(DispatchMode mode) {
        return LaneSettings.DEFAULTS.withDispatch(mode).withCircuitBreaker(SMALL_BREAKER);
    }

    private List<StateTransition> transitions(String name) {
        List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        Lanes.of(this.manager, name).circuitBreaker().getEventPublisher()
            .onStateTransition((event) -> transitions.add(event.getStateTransition()));
        return transitions;
    }

    private void record(int times) {
        CounterHandle hits = this.manager.counterHandle("hits", Labels.empty());
        for (int i = 0; i < times; i++) {
            assertThatCode(hits::increment).doesNotThrowAnyException();
        }
    }

    private AdapterSnapshot snapshot(String name) {
        return this.manager.controls().adapter(name).orElseThrow();
    }

    private static long metricEvents(TestAdapter adapter) {
        return adapter.events.stream().filter((event) -> event.startsWith("counter")).count();
    }

    private void assertGoodAdaptersGotEverything(int events) {
        await().atMost(Duration.ofSeconds(10)).until(() -> metricEvents(this.goodAsync) >= events);
        assertThat(metricEvents(this.good)).isEqualTo(events);
        assertThat(metricEvents(this.goodAsync)).isEqualTo(events);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot("good-async").total().pending() == 0);
        Accounting.assertSettled(snapshot("good"), this.good);
        Accounting.assertSettled(snapshot("good-async"), this.goodAsync);
    }

    @Test
    void alwaysThrowingAdapterOpensItsBreakerAndIsThenRefusedAtOnce() {
        TestAdapter faulty = new TestAdapter("faulty", DispatchMode.INLINE).fault(Fault.alwaysThrow());
        start(faulty, lane(DispatchMode.INLINE));
        record(10);
        SignalCounts counts = snapshot("faulty").counts().get(Signal.METRICS);
        assertThat(counts.failed()).isEqualTo(4);
        assertThat(counts.rejectedCircuitOpen()).isEqualTo(6);
        assertThat(faulty.calls).hasValue(4);
        assertThat(snapshot("faulty").circuitState()).isEqualTo("OPEN");
        assertThat(snapshot("faulty").lastError()).contains("IllegalStateException", "backend down");
        assertThat(snapshot("faulty").lastErrorTime()).isNotNull();
        assertThat(snapshot("faulty").health().status()).isEqualTo(HealthStatus.CIRCUIT_OPEN);
        Accounting.assertSettled(snapshot("faulty"), faulty);
        assertGoodAdaptersGotEverything(10);
    }

    @Test
    void adapterThrowingHalfTheTimeReachesTheThresholdAndIsCountedExactly() {
        TestAdapter faulty = new TestAdapter("flaky", DispatchMode.ASYNC).fault(Fault.throwEveryOtherCall());
        start(faulty, lane(DispatchMode.ASYNC));
        record(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot("flaky").total().pending() == 0);
        SignalCounts counts = snapshot("flaky").counts().get(Signal.METRICS);
        assertThat(counts.delivered()).isEqualTo(2);
        assertThat(counts.failed()).isEqualTo(2);
        assertThat(snapshot("flaky").circuitState()).as("50 % of 4 calls reaches a 50 % threshold").isEqualTo("OPEN");
        Accounting.assertSettled(snapshot("flaky"), faulty);
        assertGoodAdaptersGotEverything(4);
    }

    @Test
    void adapterBelowTheThresholdStaysClosed() {
        TestAdapter faulty = new TestAdapter("flaky", DispatchMode.INLINE).fault(Fault.throwEveryOtherCall());
        start(faulty, lane(DispatchMode.INLINE).withCircuitBreaker(new CircuitBreakerSettings(60f, 4, 4,
                Duration.ofMillis(200), 2, Duration.ofSeconds(1))));
        record(40);
        assertThat(snapshot("flaky").circuitState()).isEqualTo("CLOSED");
        assertThat(snapshot("flaky").counts().get(Signal.METRICS).failed()).isEqualTo(20);
        Accounting.assertSettled(snapshot("flaky"), faulty);
        assertGoodAdaptersGotEverything(40);
    }

    @Test
    void breakerGoesOpenHalfOpenAndClosedAgainWhenTheBackendComesBack() {
        AtomicBoolean down = new AtomicBoolean(true);
        TestAdapter faulty = new TestAdapter("outage", DispatchMode.INLINE).fault(Fault.outage(down));
        start(faulty, lane(DispatchMode.INLINE));
        List<StateTransition> transitions = transitions("outage");
        record(4);
        assertThat(snapshot("outage").circuitState()).isEqualTo("OPEN");
        record(3);
        assertThat(snapshot("outage").counts().get(Signal.METRICS).rejectedCircuitOpen()).isEqualTo(3);
        down.set(false);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            record(1);
            return snapshot("outage").circuitState().equals("HALF_OPEN");
        });
        record(2);
        assertThat(snapshot("outage").circuitState()).isEqualTo("CLOSED");
        assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN,
                StateTransition.HALF_OPEN_TO_CLOSED);
        record(5);
        SignalCounts counts = snapshot("outage").counts().get(Signal.METRICS);
        assertThat(counts.failed()).isEqualTo(4);
        assertThat(counts.delivered()).isEqualTo(1 + 2 + 5);
        Accounting.assertSettled(snapshot("outage"), faulty);
        assertGoodAdaptersGotEverything((int) counts.submitted());
    }

    @Test
    void slowCallsCountAsFailuresAndOpenTheBreaker() {
        TestAdapter slow = new TestAdapter("slow", DispatchMode.ASYNC).fault(Fault.slow(SLOW_CALL));
        start(slow, lane(DispatchMode.ASYNC));
        List<StateTransition> transitions = transitions("slow");
        record(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot("slow").total().pending() == 0);
        // the breaker publishes its transition on the worker's thread, which may come just after the last count
        await().atMost(Duration.ofSeconds(10)).until(() -> !transitions.isEmpty());
        assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN);
        assertThat(snapshot("slow").counts().get(Signal.METRICS).delivered()).as("slow calls still deliver")
            .isEqualTo(4);
        Accounting.assertSettled(snapshot("slow"), slow);
        assertGoodAdaptersGotEverything(4);
    }

    @Test
    void aSlowCallAndAFailureTogetherReachTheFailureRate() {
        // Resilience4j alone would see 25 % failures and 25 % slow calls and stay closed; the lane adds them up.
        TestAdapter mixed = new TestAdapter("mixed", DispatchMode.INLINE).fault((call) -> {
            if (call == 1) {
                throw new IllegalStateException("one failure");
            }
            if (call == 2) {
                Fault.slow(SLOW_CALL).before(call);
            }
        });
        start(mixed, lane(DispatchMode.INLINE));
        record(4);
        assertThat(snapshot("mixed").circuitState()).isEqualTo("OPEN");
    }

    @Test
    void hungAdapterBlocksOnlyItsOwnLaneAndShowsInHealthThenResumes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        TestAdapter hung = new TestAdapter("hung", DispatchMode.ASYNC).fault(Fault.hangUntil(entered, this.release));
        List<HealthReport> reports = new CopyOnWriteArrayList<>();
        start(hung, lane(DispatchMode.ASYNC).withQueueCapacity(4)
            .withCircuitBreaker(new CircuitBreakerSettings(50f, 100, 20, Duration.ofSeconds(30), 5,
                    Duration.ofMillis(150))));
        // The manager's own health cycle, run here on the hung lane with a short interval, keeping every report.
        HealthMonitor monitor = new HealthMonitor(new HealthSettings(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
                Clock.systemUTC(), () -> List.of(Lanes.of(this.manager, "hung")), reports::add, Redaction.defaults());
        monitor.start();
        record(1);
        assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread producer = new Thread(() -> record(20));
        producer.start();
        producer.join(10_000);
        assertThat(producer.isAlive()).as("the caller is never blocked").isFalse();
        SignalCounts counts = snapshot("hung").counts().get(Signal.METRICS);
        assertThat(counts.dropped()).isEqualTo(16);
        assertThat(counts.pending()).isEqualTo(5);
        assertThat(snapshot("hung").queueDepth()).isEqualTo(4);
        Accounting.assertIdentity(snapshot("hung"));
        await().atMost(Duration.ofSeconds(10)).until(() -> firstShowingHang(reports) >= 0);
        int first = firstShowingHang(reports);
        // The hang shows in the first report whose call has run past the slow-call threshold (150 ms); counting
        // cycles instead would depend on the machine's load.
        assertThat(first).as("the first report after the call ran past the threshold shows the hang")
            .isEqualTo(firstPastThreshold(reports, Duration.ofMillis(150)));
        assertThat(reports.get(first).adapters().stream().filter((adapter) -> adapter.name().equals("hung"))
            .findFirst().orElseThrow().health().message()).startsWith("current call has run for");
        assertThat(reports.get(first).adapters().get(0).currentCallDuration()).isNotNull();
        monitor.stop();
        assertGoodAdaptersGotEverything(21);

        this.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot("hung").total().pending() == 0);
        record(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> hung.events.size() == 5 + 3);
        assertThat(snapshot("hung").currentCallDuration()).isNull();
        Accounting.assertSettled(snapshot("hung"), hung);
    }

    private static int firstPastThreshold(List<HealthReport> reports, Duration threshold) {
        for (int i = 0; i < reports.size(); i++) {
            boolean past = reports.get(i).adapters().stream().anyMatch((adapter) -> adapter.name().equals("hung")
                    && adapter.currentCallDuration() != null && adapter.currentCallDuration().compareTo(threshold) > 0);
            if (past) {
                return i;
            }
        }
        return -1;
    }

    private static int firstShowingHang(List<HealthReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            boolean degraded = reports.get(i).adapters().stream().anyMatch((adapter) -> adapter.name().equals("hung")
                    && adapter.health().status() == HealthStatus.DEGRADED);
            if (degraded) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void dropsAndCountsWhenQueueIsFull() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        TestAdapter hung = new TestAdapter("hung", DispatchMode.ASYNC).fault(Fault.hangUntil(entered, this.release));
        start(hung, lane(DispatchMode.ASYNC).withQueueCapacity(8));
        record(1);
        assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        record(19);
        AdapterSnapshot snapshot = snapshot("hung");
        assertThat(snapshot.queueCapacity()).isEqualTo(8);
        assertThat(snapshot.queueDepth()).isEqualTo(8);
        assertThat(snapshot.counts().get(Signal.METRICS))
            .isEqualTo(new SignalCounts(20, 0, 0, 11, 0, 0, 9));
        this.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot("hung").total().pending() == 0);
        assertThat(snapshot("hung").counts().get(Signal.METRICS)).isEqualTo(new SignalCounts(20, 9, 0, 11, 0, 0, 0));
        Accounting.assertSettled(snapshot("hung"), hung);
    }

    @Test
    void disabledAdapterReceivesNothingAndResumesWhenSwitchedOn() {
        TestAdapter switched = new TestAdapter("switched", DispatchMode.INLINE);
        start(switched, lane(DispatchMode.INLINE));
        assertThat(this.manager.controls().setEnabled("switched", false)).isTrue();
        record(3);
        assertThat(switched.events).isEmpty();
        assertThat(snapshot("switched").health().status()).isEqualTo(HealthStatus.DISABLED);
        assertThat(this.manager.controls().setEnabled("switched", true)).isTrue();
        record(2);
        assertThat(switched.events).hasSize(2);
        assertThat(snapshot("switched").counts().get(Signal.METRICS)).isEqualTo(new SignalCounts(5, 2, 0, 0, 0, 3, 0));
        assertThat(this.manager.controls().setEnabled("no-such-adapter", false)).isFalse();
        assertGoodAdaptersGotEverything(5);
    }

    @Test
    void resetReturnsAnAdapterToItsConfiguredStateWhateverTheSwitchSaid() {
        TestAdapter configuredOff = new TestAdapter("configured-off", DispatchMode.INLINE);
        start(configuredOff, lane(DispatchMode.INLINE).withEnabled(false));
        assertThat(snapshot("configured-off").configuredEnabled()).isFalse();
        assertThat(this.manager.controls().setEnabled("configured-off", true)).isTrue();
        assertThat(snapshot("configured-off").enabled()).isTrue();
        assertThat(snapshot("configured-off").configuredEnabled()).isFalse();
        assertThat(this.manager.controls().resetEnabled("configured-off")).isTrue();
        assertThat(snapshot("configured-off").enabled()).isFalse();

        this.manager.controls().setEnabled("good", false);
        assertThat(snapshot("good").configuredEnabled()).isTrue();
        assertThat(this.manager.controls().resetEnabled("good")).isTrue();
        assertThat(snapshot("good").enabled()).isTrue();
        assertThat(this.manager.controls().resetEnabled("no-such-adapter")).isFalse();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        CircuitBreaker breaker = CircuitBreaker.of("defaults",
                dev.observability.core.dispatch.CircuitBreakerFactory.config(CircuitBreakerSettings.DEFAULTS));
        var config = breaker.getCircuitBreakerConfig();
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getSlidingWindowSize()).isEqualTo(100);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(20);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(5);
        assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(LaneSettings.DEFAULTS.queueCapacity()).isEqualTo(8192);
        assertThat(LaneSettings.DEFAULTS.enabled()).isTrue();
        LoggingAdapter userWritten = new LoggingAdapter() {
            @Override
            public String name() {
                return "user-written";
            }

            @Override
            public void log(LogEvent event) {
            }
        };
        this.manager = ObservabilityManager.builder().adapter(userWritten).build();
        assertThat(this.manager.controls()
            .adapter("user-written").orElseThrow().dispatch()).isEqualTo(DispatchMode.ASYNC);
    }
}
