package dev.observability.core.internal.tracing;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's stack of current spans. A {@link ManagedSpan} is itself the frame of its first turn as
 * the current span (from its start to its end), so an open span costs no second object; each
 * {@link dev.observability.core.tracing.Span#makeCurrent()} pushes a {@link ScopeFrame}. Leaving a frame on the
 * thread that entered it restores the span that was current before; leaving it on another thread (a span ended
 * elsewhere) only marks it closed, and the owner thread skips closed entries when it looks up its current span, so
 * an ended span never stays current and never becomes a parent by mistake. The integration's scope opened with the
 * frame (see {@link dev.observability.core.tracing.SpanContextSource#makeCurrent}) is thread-bound too: it is closed
 * only on the owner thread.
 */
abstract class SpanFrame {

    private final @Nullable SpanFrame previous;

    private final Thread owner;

    private volatile boolean closed;

    /**
     * Takes the calling thread's current frame as the one to restore; {@link #enter} then pushes this frame.
     * @param stack the manager's per-thread stack
     */
    SpanFrame(ThreadLocal<@Nullable SpanFrame> stack) {
        this.previous = open(stack.get());
        this.owner = Thread.currentThread();
    }

    /** @return the span this frame makes current */
    abstract ManagedSpan span();

    /** @return the integration's scope for the same span, closed with this frame on the same thread */
    abstract AutoCloseable source();

    /**
     * Makes this frame the calling thread's current one; called once, at the end of the constructor.
     * @param stack the manager's per-thread stack
     */
    final void enter(ThreadLocal<@Nullable SpanFrame> stack) {
        stack.set(this);
    }

    /**
     * @param stack the manager's per-thread stack
     * @return the span current on the calling thread, or {@code null}
     */
    static @Nullable ManagedSpan current(ThreadLocal<@Nullable SpanFrame> stack) {
        SpanFrame frame = open(stack.get());
        return (frame != null) ? frame.span() : null;
    }

    private static @Nullable SpanFrame open(@Nullable SpanFrame frame) {
        SpanFrame candidate = frame;
        while (candidate != null && candidate.closed) {
            candidate = candidate.previous;
        }
        return candidate;
    }

    /**
     * Ends this frame's turn (once): on the owner thread, closes the integration's scope and restores the frame
     * that was current before.
     * @param stack the manager's per-thread stack
     */
    final void leave(ThreadLocal<@Nullable SpanFrame> stack) {
        if (this.closed) {
            return;
        }
        this.closed = true;
        if (Thread.currentThread() != this.owner) {
            return;
        }
        closeSource();
        if (stack.get() == this) {
            SpanFrame restored = open(this.previous);
            // set(null) rather than remove(): the thread's next span then reuses its map entry instead of allocating one
            stack.set(restored);
        }
    }

    private void closeSource() {
        try {
            source().close();
        }
        catch (Exception ex) {
            // An integration's scope that throws must not reach the application; its context is its own concern.
        }
    }
}
