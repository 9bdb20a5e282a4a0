package dev.observability.core.tracing;

/**
 * Makes a span current on a thread until closed; closing restores the span that was current before.
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {

    /** A scope that restores nothing. */
    Scope NOOP = () -> {
    };

    /** Restores the previous current span. Never throws. */
    @Override
    void close();
}
