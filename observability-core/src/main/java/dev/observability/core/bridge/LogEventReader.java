package dev.observability.core.bridge;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns an event of the host's logging framework into a {@link LogEvent}, for a {@link LogBridge}. It runs where a
 * logging lane delivers the event (an ASYNC lane's worker thread), once per logging adapter, so the application's
 * thread makes nothing for the adapters; it must therefore read only what the framework's event holds by itself (not
 * the current thread or its context), and must not throw (an exception counts as a failure of the adapter it was
 * reading for).
 *
 * @param <E> the framework's event type
 */
@FunctionalInterface
public interface LogEventReader<E> {

    /**
     * @param source the framework's event, as handed to {@link LogBridge#dispatch}
     * @param span the span current on the thread that logged it, or {@code null}
     * @return the event; the manager's limits and redaction are applied to it afterwards
     */
    LogEvent read(E source, @Nullable SpanContext span);
}
