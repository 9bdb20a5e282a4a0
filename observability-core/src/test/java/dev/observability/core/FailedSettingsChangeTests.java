package dev.observability.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.Accounting;
import dev.observability.core.testing.Lanes;
import dev.observability.core.testing.TestAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A change of settings that fails while the lane makes what the new settings need (the heap has no room, a value
 * overflows) is refused with a one-line reason and leaves the settings in force: the lane keeps its queue, the
 * breaker the change made is replaced by one of the settings in force (in the application's registry too), and the
 * account stays exact.
 */
class FailedSettingsChangeTests {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    private final FailingOnce breakers = new FailingOnce(CircuitBreakerFactory.of(this.registry));

    private final TestAdapter adapter = new TestAdapter("audit", DispatchMode.ASYNC);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new OutOfMemoryError("Java heap space"), IllegalStateException.class,
                        "not enough free memory to change the settings of adapter 'audit'; nothing changed"),
                Arguments.of(new ArithmeticException("long overflow"), IllegalArgumentException.class,
                        "the new settings of adapter 'audit' overflow (long overflow); nothing changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureWhileTheLaneMakesTheNewSettingsLeavesTheOldOnesInForce(Throwable failure,
            Class<? extends RuntimeException> answer, String reason) {
        try (ObservabilityManager started = ObservabilityManager.builder()
            .adapter(this.adapter, LaneSettings.DEFAULTS.withQueueCapacity(16)
                .withCircuitBreaker(CircuitBreakerSettings.DEFAULTS.withWaitDurationInOpenState(Duration.ofSeconds(7))))
            .circuitBreakerFactory(this.breakers)
            .signalEnabled(Signal.HEALTH, false)
            .build()) {
            started.start();
            LaneSettings before = started.controls().lane("audit").orElseThrow().settings();
            this.breakers.failure.set(failure);
            assertThatException().isThrownBy(() -> started.controls()
                .changeSettings("audit", growTheQueueAndChangeTheBreaker()))
                .isExactlyInstanceOf(answer)
                .withMessage(reason);
            assertTheOldSettingsStayInForce(started, before);
        }
    }

    private static SettingsChange<LaneSettings> growTheQueueAndChangeTheBreaker() {
        return SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 1 << 20)
            .set(LaneSetting.WAIT_DURATION_IN_OPEN_STATE, Duration.ofDays(1));
    }

    private void assertTheOldSettingsStayInForce(ObservabilityManager manager, LaneSettings before) {
        assertThat(manager.controls().lane("audit").orElseThrow().settings()).isEqualTo(before);
        assertThat(manager.controls().lane("audit").orElseThrow().settingsChanges()).isZero();
        assertThat(snapshot(manager).queueCapacity()).isEqualTo(16);
        CircuitBreaker breaker = Lanes.of(manager, "audit").circuitBreaker();
        assertThat(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
            .as("the breaker's wait in force, in ms").isEqualTo(7_000L);
        assertThat(this.registry.circuitBreaker("audit")).as("the registry's breaker is the lane's").isSameAs(breaker);
        for (int i = 0; i < 10; i++) {
            manager.counter("after", Labels.of("i", Integer.toString(i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshot(manager).total().pending() == 0);
        Accounting.assertSettled(snapshot(manager), this.adapter);
        assertThat(snapshot(manager).total().delivered()).isEqualTo(10);
    }

    private static AdapterSnapshot snapshot(ObservabilityManager manager) {
        return manager.controls().adapter("audit").orElseThrow();
    }

    /**
     * Makes the breakers in a registry, and fails once as told just after a change's breaker has replaced the
     * lane's there (as a breaker's state transition that overflows would).
     */
    private static final class FailingOnce implements CircuitBreakerFactory {

        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

        private final CircuitBreakerFactory registry;

        FailingOnce(CircuitBreakerFactory registry) {
            this.registry = registry;
        }

        @Override
        public CircuitBreaker create(String name, CircuitBreakerConfig config) {
            return this.registry.create(name, config);
        }

        @Override
        public CircuitBreaker replace(CircuitBreaker replaced, CircuitBreakerConfig config) {
            CircuitBreaker fresh = this.registry.replace(replaced, config);
            Throwable armed = this.failure.getAndSet(null);
            if (armed instanceof Error error) {
                throw error;
            }
            if (armed instanceof RuntimeException exception) {
                throw exception;
            }
            return fresh;
        }
    }
}
