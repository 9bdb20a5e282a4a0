package dev.observability.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.observability.core.chaos.JulCapture;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import dev.observability.core.testing.Accounting;
import dev.observability.core.testing.Lanes;
import dev.observability.core.testing.TestAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The manager's Java API for changing settings at runtime ({@code changeSettings}): the same names and rules as the
 * configuration, all or nothing, configured and effective values apart, a reset back to the configured value, the
 * breaker replaced in its state, each change logged once and counted. A change of the configured settings
 * ({@code changeConfiguredSettings}, what a refresh of the configuration calls) sets the configured value, which a
 * setting not changed at runtime follows, while one changed at runtime stays in force until it is reset.
 */
class RuntimeSettingsTests {

    private static final CircuitBreakerSettings QUICK = new CircuitBreakerSettings(50f, 4, 4, Duration.ofMinutes(5),
            2, Duration.ofSeconds(5));

    private final TestAdapter adapter = new TestAdapter("audit", DispatchMode.ASYNC);

    /** Without health reports, so that the queue holds the metrics the tests record and nothing else. */
    private final ObservabilityManager manager = ObservabilityManager.builder()
        .adapter(this.adapter, LaneSettings.DEFAULTS.withQueueCapacity(1024).withCircuitBreaker(QUICK))
        .signalEnabled(Signal.HEALTH, false)
        .build();

    private final ObservabilityControls controls = this.manager.controls();

    @AfterEach
    void close() {
        this.manager.close();
    }

    @Test
    void aChangeIsEffectiveAtOnceWhileTheConfiguredSettingsStay() {
        LaneSettings effective = this.controls.changeSettings("audit",
                SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 20f).set(LaneSetting.QUEUE_CAPACITY, 20_000))
            .orElseThrow();
        assertThat(effective.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
        assertThat(effective.queueCapacity()).isEqualTo(20_000);
        assertThat(this.controls.lane("audit").orElseThrow().configuredSettings().queueCapacity()).isEqualTo(1024);
        assertThat(this.controls.adapter("audit").orElseThrow().queueCapacity()).isEqualTo(20_000);
        assertThat(Lanes.of(this.manager, "audit").circuitBreaker().getCircuitBreakerConfig().getFailureRateThreshold())
            .isEqualTo(20f);
    }

    @Test
    void aResetReturnsASettingToItsConfiguredValue() {
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 20_000)
            .set(LaneSetting.WAIT_DURATION_IN_OPEN_STATE, Duration.ofSeconds(10)));
        LaneSettings effective = this.controls
            .changeSettings("audit", SettingsChange.<LaneSettings>none().reset(LaneSetting.QUEUE_CAPACITY))
            .orElseThrow();
        assertThat(effective.queueCapacity()).isEqualTo(1024);
        assertThat(effective.circuitBreaker().waitDurationInOpenState()).as("not reset")
            .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedValueChangesNothingAndNamesTheSetting() {
        LaneSettings before = this.controls.lane("audit").orElseThrow().settings();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.controls.changeSettings("audit", SettingsChange
                .of(LaneSetting.QUEUE_CAPACITY, 20_000)
                .set(LaneSetting.FAILURE_RATE_THRESHOLD, 150f)))
            .withMessage("circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 0)))
            .withMessage("dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0");
        assertThat(this.controls.lane("audit").orElseThrow().settings()).isEqualTo(before);
        assertThat(this.controls.lane("audit").orElseThrow().settingsChanges()).isZero();
    }

    @Test
    void anUnknownAdapterChangesNothing() {
        assertThat(this.controls.changeSettings("nope", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 10))).isEmpty();
    }

    @Test
    void eachChangeIsLoggedOnceWithWhoAskedAndEachSettingCounted() {
        try (JulCapture log = JulCapture.of(ObservabilityManager.class.getName())) {
            this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 20f)
                .set(LaneSetting.QUEUE_CAPACITY, 20_000).by("alice"));
            this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 20_000));
            this.controls.changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.DEBUG));
            assertThat(log.messages()).containsExactly(
                    "Observability settings of adapter 'audit' changed by alice: "
                            + "circuit-breaker.failure-rate-threshold 50 -> 20, dispatch.queue-capacity 1024 -> 20000",
                    "Observability settings of the manager changed: logging.level INFO -> DEBUG");
        }
        assertThat(this.controls.lane("audit").orElseThrow().settingsChanges()).isEqualTo(2);
        assertThat(this.controls.settingsChanges()).isEqualTo(1);
    }

    @Test
    void aBreakerWithNewSettingsIsReplacedInTheStateOfTheOldOne() {
        CircuitBreaker before = Lanes.of(this.manager, "audit").circuitBreaker();
        before.transitionToOpenState();
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 20f));
        CircuitBreaker after = Lanes.of(this.manager, "audit").circuitBreaker();
        assertThat(after).isNotSameAs(before);
        assertThat(after.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        after.transitionToHalfOpenState();
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE, 3));
        assertThat(Lanes.of(this.manager, "audit").circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        Lanes.of(this.manager, "audit").circuitBreaker().transitionToForcedOpenState();
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.SLIDING_WINDOW_SIZE, 50));
        assertThat(this.controls.adapter("audit").orElseThrow().circuitState()).isEqualTo("FORCED_OPEN");
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 10));
        assertThat(Lanes.of(this.manager, "audit").circuitBreaker()).as("kept when its settings do not change")
            .isSameAs(Lanes.of(this.manager, "audit").circuitBreaker());
    }

    @Test
    void aBreakerInAnApplicationsRegistryIsReplacedThere() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TestAdapter registered = new TestAdapter("registered", DispatchMode.INLINE);
        try (ObservabilityManager withRegistry = ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(registry))
            .adapter(registered)
            .build()) {
            withRegistry.controls()
                .changeSettings("registered", SettingsChange.of(LaneSetting.MINIMUM_NUMBER_OF_CALLS, 7));
            assertThat(registry.circuitBreaker("registered")).isSameAs(Lanes.of(withRegistry, "registered").circuitBreaker());
            assertThat(registry.circuitBreaker("registered").getCircuitBreakerConfig().getMinimumNumberOfCalls())
                .isEqualTo(7);
        }
    }

    @Test
    void aSignalSwitchedOffIsRefusedForThatAdapterAloneAndCountedAsDisabled() {
        TestAdapter other = new TestAdapter("other", DispatchMode.INLINE);
        TestAdapter inline = new TestAdapter("inline", DispatchMode.INLINE);
        try (ObservabilityManager two = ObservabilityManager.builder().adapter(inline).adapter(other).build()) {
            two.controls().changeSettings("inline", SettingsChange.of(LaneSetting.signal(Signal.LOGGING), false));
            two.log(LogLevel.WARN, "hello");
            two.counter("orders", Labels.empty());
            assertThat(inline.events).containsExactly("counter orders{} 1.0");
            assertThat(other.events).hasSize(2);
            assertThat(two.controls().adapter("inline").orElseThrow().counts().get(Signal.LOGGING))
                .isEqualTo(new SignalCounts(1, 0, 0, 0, 0, 1, 0));
            assertThat(two.controls().adapter("inline").orElseThrow().enabled()).as("the adapter stays on").isTrue();
        }
    }

    @Test
    void theManagersLevelAndSignalSwitchesChangeAndReset() {
        TestAdapter inline = new TestAdapter("inline", DispatchMode.INLINE);
        try (ObservabilityManager one = ObservabilityManager.builder().adapter(inline).build()) {
            one.controls().changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.WARN)
                .set(ManagerSetting.signal(Signal.METRICS), false));
            one.log(LogLevel.INFO, "below the level");
            one.log(LogLevel.WARN, "at the level");
            one.counter("orders", Labels.empty());
            assertThat(inline.events).containsExactly("log at the level");
            assertThat(one.controls()
                .settings()).isEqualTo(new ManagerSettings(LogLevel.WARN, java.util.Set.of(Signal.METRICS), null));
            assertThat(one.controls().configuredSettings()).isEqualTo(ManagerSettings.DEFAULTS);
            one.controls().changeSettings(SettingsChange.<ManagerSettings>none().reset(ManagerSetting.LOGGING_LEVEL)
                .reset(ManagerSetting.signal(Signal.METRICS)));
            one.log(LogLevel.INFO, "at the configured level");
            one.counter("orders", Labels.empty());
            assertThat(inline.events).containsExactly("log at the level", "log at the configured level",
                    "counter orders{} 1.0");
        }
    }

    @Test
    void aQueueShrunkUnderLoadKeepsItsEventsAndDropsOnlyThoseOfferedAfterTheChange() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        this.adapter.fault(TestAdapter.Fault.hangUntil(entered, release));
        this.manager.start();
        record(0, 1);
        entered.await();
        join(producers(4, 400));
        SignalCounts full = counts();
        assertThat(full.pending()).as("the call in progress and a full queue").isEqualTo(1 + 1024);
        assertThat(full.dropped()).isEqualTo(1600 - 1024);

        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 100));
        assertThat(counts()).as("the change drops nothing").isEqualTo(full);
        assertThat(this.controls.adapter("audit").orElseThrow().queueDepth()).isEqualTo(1024);
        join(producers(4, 40));
        assertThat(counts().dropped()).as("every event offered after the change to a queue over its new capacity")
            .isEqualTo(full.dropped() + 160);

        this.adapter.fault(TestAdapter.Fault.NONE);
        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> counts().pending() == 0);
        assertThat(counts().delivered()).as("every event queued before the change").isEqualTo(1025);
        join(producers(1, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> counts().pending() == 0);
        assertThat(counts().delivered()).as("the new capacity, once the queue holds fewer").isEqualTo(1125);
        Accounting.assertSettled(this.controls.adapter("audit").orElseThrow(), this.adapter);
    }

    @Test
    void aQueueGrownPastItsSizeGetsANewWorkerThatDeliversAfterTheOldOneInOrder() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 16));
        this.adapter.fault(TestAdapter.Fault.hangUntil(entered, release));
        this.manager.start();
        record(0, 1);
        entered.await();
        record(1, 17);
        assertThat(counts().pending()).as("the call in progress and a full queue").isEqualTo(17);
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        record(17, 3000);
        assertThat(counts().dropped()).isZero();
        assertThat(counts().pending()).isEqualTo(3000);
        this.adapter.fault(TestAdapter.Fault.NONE);
        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> counts().pending() == 0);
        assertThat(this.adapter.events).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(this.adapter.events.get(i)).isEqualTo("counter n{i=" + i + "} 1.0");
        }
        Accounting.assertSettled(this.controls.adapter("audit").orElseThrow(), this.adapter);
    }

    @Test
    void theDispatchModeChangesBetweenInlineAndAsyncWithAnExactAccount() {
        this.manager.start();
        record(0, 100);
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.DISPATCH_MODE, DispatchMode.INLINE));
        assertThat(this.controls.adapter("audit").orElseThrow().dispatch()).isEqualTo(DispatchMode.INLINE);
        record(100, 200);
        this.controls.changeSettings("audit", SettingsChange.<LaneSettings>none().reset(LaneSetting.DISPATCH_MODE));
        assertThat(this.controls.adapter("audit").orElseThrow().dispatch()).as("the adapter's preference")
            .isEqualTo(DispatchMode.ASYNC);
        record(200, 300);
        await().atMost(Duration.ofSeconds(20)).until(() -> counts().pending() == 0);
        assertThat(counts().delivered()).isEqualTo(300);
        Accounting.assertSettled(this.controls.adapter("audit").orElseThrow(), this.adapter);
    }

    private SignalCounts counts() {
        return this.controls.adapter("audit").orElseThrow().counts().get(Signal.METRICS);
    }

    private void record(int from, int to) {
        for (int i = from; i < to; i++) {
            this.manager.counter("n", Labels.of("i", Integer.toString(i)));
        }
    }

    private Thread[] producers(int count, int events) {
        Thread[] threads = new Thread[count];
        for (int t = 0; t < count; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    this.manager.counter("load", Labels.empty());
                }
            });
            threads[t].start();
        }
        return threads;
    }

    private static void join(Thread[] threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void aSettingNotChangedAtRuntimeFollowsTheConfiguration() {
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 2048)
            .set(LaneSetting.ENABLED, false));
        assertThat(lane().configuredSettings().queueCapacity()).isEqualTo(2048);
        assertThat(lane().settings().queueCapacity()).isEqualTo(2048);
        assertThat(lane().snapshot().queueCapacity()).isEqualTo(2048);
        assertThat(lane().isEnabled()).isFalse();
        assertThat(lane().settingsChanges()).isEqualTo(2);
    }

    @Test
    void aSettingChangedAtRuntimeStaysInForceUntilItIsResetThenTakesTheNewConfiguredValue() {
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 2048)
            .set(LaneSetting.MAX_DELAY, Duration.ofMillis(5)));
        assertThat(lane().settings().queueCapacity()).isEqualTo(5000);
        assertThat(lane().settings().maxDelay()).hasMillis(5);
        assertThat(lane().configuredSettings().queueCapacity()).isEqualTo(2048);
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        try (JulCapture log = JulCapture.of(ObservabilityManager.class.getName())) {
            this.controls.changeConfiguredSettings("audit",
                    SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 4096).by("the configuration"));
            assertThat(log.messages()).containsExactly("Observability settings of adapter 'audit' configured by the "
                    + "configuration: dispatch.queue-capacity 5000 -> 4096; set at runtime, in force until reset: "
                    + "dispatch.queue-capacity");
        }
        assertThat(lane().settings().queueCapacity()).as("still the value set at runtime").isEqualTo(5000);
        this.controls.changeSettings("audit", SettingsChange.<LaneSettings>none().reset(LaneSetting.QUEUE_CAPACITY));
        assertThat(lane().settings().queueCapacity()).isEqualTo(4096);
    }

    @Test
    void aConfiguredValueOutOfRangeChangesNothing() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.controls.changeConfiguredSettings("audit",
                    SettingsChange.of(LaneSetting.MAX_DELAY, Duration.ofMillis(5)).set(LaneSetting.QUEUE_CAPACITY, 0)))
            .withMessage("dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0");
        assertThat(lane().settings()).isEqualTo(lane().configuredSettings());
        assertThat(lane().configuredSettings().queueCapacity()).isEqualTo(1024);
        assertThat(lane().settingsChanges()).isZero();
    }

    @Test
    void theManagersSettingsFollowTheSameRules() {
        this.controls.changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.DEBUG));
        this.controls.changeConfiguredSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.WARN)
            .set(ManagerSetting.signal(Signal.METRICS), false));
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(this.controls.settings().isSignalEnabled(Signal.METRICS)).isFalse();
        assertThat(this.controls.configuredSettings().minimumLevel()).isEqualTo(LogLevel.WARN);
        this.controls.changeSettings(SettingsChange.<ManagerSettings>none().reset(ManagerSetting.LOGGING_LEVEL));
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.WARN);
    }

    private LaneView lane() {
        return this.controls.lane("audit").orElseThrow();
    }
}
