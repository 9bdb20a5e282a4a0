package dev.observability.autoconfigure.logging;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/** A custom logging adapter (on an ASYNC lane, the default) whose backend is down: every call throws. */
final class ThrowingLoggingAdapter implements LoggingAdapter {

    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public void log(LogEvent event) {
        throw new IllegalStateException("backend down");
    }
}
