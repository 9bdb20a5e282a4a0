package dev.observability.core;

import dev.observability.core.tracing.Scope;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's stack of current spans, and the {@link Scope} that removes it. Closing the scope on the
 * thread that opened it restores the span that was current before; closing it on another thread (a span ended
 * elsewhere) only marks it closed, and the owner thread skips closed entries when it looks up its current span, so
 * an ended span never stays current and never becomes a parent by mistake. The integration's scope opened with
 * the frame (see {@link dev.observability.core.tracing.SpanContextSource#makeCurrent}) is thread-bound too: it is
 * closed only on the owner thread.
 */
final class SpanFrame implements Scope {

    private final ThreadLocal<@Nullable SpanFrame> stack;

    private final ManagedSpan span;

    private final @Nullable SpanFrame previous;

    private final Thread owner;

    private final Scope source;

    private volatile boolean closed;

    private SpanFrame(ThreadLocal<@Nullable SpanFrame> stack, ManagedSpan span, @Nullable SpanFrame previous,
            Scope source) {
        this.stack = stack;
        this.source = source;
        this.span = span;
        this.previous = previous;
        this.owner = Thread.currentThread();
    }

    /**
     * Makes a span current on the calling thread.
     * @param stack the manager's per-thread stack
     * @param span the span
     * @param source the integration's scope for the same span (see
     * {@link dev.observability.core.tracing.SpanContextSource#makeCurrent}), closed with this one on the same thread
     * @return the scope that ends this span's turn as the current one
     */
    static SpanFrame push(ThreadLocal<@Nullable SpanFrame> stack, ManagedSpan span, Scope source) {
        SpanFrame frame = new SpanFrame(stack, span, open(stack.get()), source);
        stack.set(frame);
        return frame;
    }

    /**
     * @param stack the manager's per-thread stack
     * @return the span current on the calling thread, or {@code null}
     */
    static @Nullable ManagedSpan current(ThreadLocal<@Nullable SpanFrame> stack) {
        SpanFrame frame = open(stack.get());
        return (frame != null) ? frame.span : null;
    }

    private static @Nullable SpanFrame open(@Nullable SpanFrame frame) {
        SpanFrame candidate = frame;
        while (candidate != null && candidate.closed) {
            candidate = candidate.previous;
        }
        return candidate;
    }

    @Override
    public void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        if (Thread.currentThread() != this.owner) {
            return;
        }
        closeSource();
        if (this.stack.get() == this) {
            SpanFrame restored = open(this.previous);
            if (restored != null) {
                this.stack.set(restored);
            }
            else {
                this.stack.remove();
            }
        }
    }

    private void closeSource() {
        try {
            this.source.close();
        }
        catch (RuntimeException ex) {
            // An integration's scope that throws must not reach the application; its context is its own concern.
        }
    }
}
