package dev.observability.autoconfigure.actuator;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logging adapter whose backend is down: every call throws. Called inline so a test opens its breaker at once.
 */
class FailingAdapter implements LoggingAdapter {

    /**
     * Logs one event, which fails and opens the breaker of a lane whose window is one call.
     * @param manager the manager the adapter is registered with
     */
    static void openCircuit(ObservabilityManager manager) {
        manager.log(LogLevel.ERROR, "first event fails and opens the breaker");
        assertThat(manager.controls().adapter("failing").orElseThrow().circuitState()).isEqualTo("OPEN");
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void log(LogEvent event) {
        throw new IllegalStateException("collector unreachable");
    }
}
