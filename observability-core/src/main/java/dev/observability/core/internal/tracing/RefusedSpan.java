package dev.observability.core.internal.tracing;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * The span returned when a span was refused or tracing is off: every call does nothing.
 */
final class RefusedSpan implements Span {

    static final RefusedSpan INSTANCE = new RefusedSpan();

    private RefusedSpan() {
    }

    @Override
    public @Nullable SpanContext context() {
        return null;
    }

    @Override
    public Span attribute(String key, @Nullable Object value) {
        return this;
    }

    @Override
    public Span event(String name, Fields attributes) {
        return this;
    }

    @Override
    public Span error(Throwable error) {
        return this;
    }

    @Override
    public Span status(SpanStatus status, @Nullable String description) {
        return this;
    }

    @Override
    public Scope makeCurrent() {
        return Scope.NOOP;
    }

    @Override
    public void close() {
    }
}
