package dev.observability.autoconfigure.actuator;

import dev.observability.core.dispatch.DispatchMode;
import dev.observability.core.logging.LogEvent;
import dev.observability.core.logging.LoggingAdapter;

/**
 * A logging adapter whose backend is down: every call throws. Called inline so a test opens its breaker at once.
 */
class FailingAdapter implements LoggingAdapter {

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
