package dev.observability.core.internal.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

import dev.observability.core.spi.AdapterSpan;
import org.jspecify.annotations.Nullable;

/**
 * What the application recorded on an open span, without a lock: each operation is pushed onto an immutable chain
 * with a compare-and-set, and ending the span swaps the chain for an {@link Ended} mark in one compare-and-set too,
 * so an operation recorded after the end is dropped and a thread never waits for another one. The mark also carries
 * the end time. The chain is kept in the span's own field ({@link #HEAD}), so an open span with nothing recorded
 * costs no object here.
 */
final class SpanOperations {

    private SpanOperations() {
    }

    /**
     * One recorded operation and the ones recorded before it.
     * @param previous the operation recorded before, or {@code null}
     * @param operation what to apply to an adapter's span
     */
    private record Recorded(@Nullable Recorded previous, Consumer<AdapterSpan> operation) {
    }

    /**
     * The mark of an ended span, with what it recorded and when it ended.
     * @param last the last recorded operation, or {@code null}
     * @param endEpochNanos the end, in nanoseconds since the epoch
     */
    private record Ended(@Nullable Recorded last, long endEpochNanos) {
    }

    /** The head field of a {@link ManagedSpan}: {@code null}, a {@link Recorded} chain or an {@link Ended} mark. */
    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(ManagedSpan.class, "operations", Object.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /**
     * Records an operation unless the span has ended.
     * @param span the span
     * @param operation the operation
     */
    static void record(ManagedSpan span, Consumer<AdapterSpan> operation) {
        Object head = HEAD.getVolatile(span);
        while (!(head instanceof Ended)) {
            Object witness = HEAD.compareAndExchange(span, head, new Recorded((Recorded) head, operation));
            if (witness == head) {
                return;
            }
            head = witness;
        }
    }

    /**
     * Ends the span's recording, once.
     * @param span the span
     * @param endEpochNanos the end, in nanoseconds since the epoch
     * @return {@code true} for the call that ended it, {@code false} when it had ended before
     */
    static boolean end(ManagedSpan span, long endEpochNanos) {
        Object head = HEAD.getVolatile(span);
        while (!(head instanceof Ended)) {
            Ended ended = new Ended((Recorded) head, endEpochNanos);
            Object witness = HEAD.compareAndExchange(span, head, ended);
            if (witness == head) {
                return true;
            }
            head = witness;
        }
        return false;
    }

    /**
     * @param span an ended span
     * @return its end, in nanoseconds since the epoch
     */
    static long endEpochNanos(ManagedSpan span) {
        if (!(HEAD.getVolatile(span) instanceof Ended ended)) {
            throw new IllegalStateException("a span is delivered after it ended");
        }
        return ended.endEpochNanos();
    }

    /**
     * Applies an ended span's operations to an adapter's span, in the order they were recorded.
     * @param span an ended span
     * @param target the adapter's span
     */
    static void replay(ManagedSpan span, AdapterSpan target) {
        if (!(HEAD.getVolatile(span) instanceof Ended ended) || ended.last() == null) {
            return;
        }
        int count = 0;
        for (Recorded recorded = ended.last(); recorded != null; recorded = recorded.previous()) {
            count++;
        }
        @SuppressWarnings("unchecked")
        Consumer<AdapterSpan>[] inOrder = new Consumer[count];
        for (Recorded recorded = ended.last(); recorded != null; recorded = recorded.previous()) {
            inOrder[--count] = recorded.operation();
        }
        for (Consumer<AdapterSpan> operation : inOrder) {
            operation.accept(target);
        }
    }
}
