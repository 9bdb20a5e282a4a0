package dev.observability.core.internal.tracing;

import dev.observability.core.tracing.Scope;
import org.jspecify.annotations.Nullable;

/**
 * A further turn of a span as the current one, opened by {@link dev.observability.core.tracing.Span#makeCurrent()}
 * (typically on another thread); closing the scope restores the span that was current before.
 */
final class ScopeFrame extends SpanFrame implements Scope {

    private final ThreadLocal<@Nullable SpanFrame> stack;

    private final ManagedSpan span;

    private final AutoCloseable source;

    ScopeFrame(ThreadLocal<@Nullable SpanFrame> stack, ManagedSpan span, AutoCloseable source) {
        super(stack);
        this.stack = stack;
        this.span = span;
        this.source = source;
        enter(stack);
    }

    @Override
    ManagedSpan span() {
        return this.span;
    }

    @Override
    AutoCloseable source() {
        return this.source;
    }

    @Override
    public void close() {
        leave(this.stack);
    }
}
