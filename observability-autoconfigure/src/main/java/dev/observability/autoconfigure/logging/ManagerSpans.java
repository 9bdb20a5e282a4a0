package dev.observability.autoconfigure.logging;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link JsonLineStructuredLogFormatter}, made by Boot's logging system before any bean exists, finds the
 * current span of the running manager: a manager span, which Micrometer Tracing's MDC does not show, else the span
 * its span context source finds current. The manager's lifecycle registers it while it runs.
 */
public final class ManagerSpans {

    private static volatile @Nullable ObservabilityManager running;

    private ManagerSpans() {
    }

    /** @param manager the manager that has started */
    public static void started(ObservabilityManager manager) {
        running = manager;
    }

    /** @param manager the manager that is stopping; forgotten unless another one has started since */
    public static void stopped(ObservabilityManager manager) {
        if (running == manager) {
            running = null;
        }
    }

    static @Nullable SpanContext current() {
        ObservabilityManager manager = running;
        return (manager != null) ? manager.currentSpanContext() : null;
    }
}
