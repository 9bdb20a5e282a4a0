package dev.observability.core.chaos;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telemetry about the lanes themselves must not loop back into them. Resilience4j's Micrometer binding turns every
 * breaker event (a refused call, a success) into a meter, and the Micrometer bridge hands meters to the manager: a
 * listener that records through the manager stands in for that chain here.
 */
class FeedbackLoopTests {

    @Test
    void breakerEventsRecordedThroughTheManagerNeitherRecurseNorLoop() throws Exception {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        ChaosAdapter down = new ChaosAdapter("down", new Backend(false));
        ChaosAdapter inline = new ChaosAdapter("inline", ChaosAdapter.healthy());
        ChaosAdapter async = new ChaosAdapter("async", ChaosAdapter.healthy());
        LaneSettings quickToOpen = LaneSettings.DEFAULTS.withCircuitBreaker(new CircuitBreakerSettings(50f, 4, 2,
                Duration.ofSeconds(30), 1, Duration.ofSeconds(1)));
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(registry))
            .adapter(down, quickToOpen.withDispatch(DispatchMode.INLINE))
            .adapter(inline, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .adapter(async, LaneSettings.DEFAULTS.withDispatch(DispatchMode.ASYNC))
            .build()) {
            registry.getAllCircuitBreakers().forEach((breaker) -> breaker.getEventPublisher()
                .onEvent((event) -> manager.counter("resilience4j.circuitbreaker.events", 1,
                        Labels.of("name", event.getCircuitBreakerName(), "kind", event.getEventType().name()))));
            manager.start();
            CompletableFuture<Void> application = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1000; i++) {
                    manager.counter("orders", 1, Labels.empty());
                    manager.log(LogLevel.INFO, "order " + i);
                }
            });
            application.get(30, TimeUnit.SECONDS);
            assertThat(manager.adapter("down").orElseThrow().circuitState()).isEqualTo("OPEN");
            manager.close();
            SignalCounts asyncMetrics = manager.adapter("async").orElseThrow().counts().get(Signal.METRICS);
            assertThat(asyncMetrics.delivered()).as("the application's counters, and no breaker event looped back")
                .isEqualTo(1000);
            assertThat(asyncMetrics.rejectedReentrant()).as("breaker events recorded from inside a lane").isPositive();
            assertThat(asyncMetrics.dropped()).isZero();
            assertThat(asyncMetrics.pending()).isZero();
            assertThat(inline.calls(Signal.METRICS)).isEqualTo(1000);
        }
    }
}
