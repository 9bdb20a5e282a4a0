package dev.observability.core.internal.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

import dev.observability.core.spi.AdapterSpan;
import org.jspecify.annotations.Nullable;

/**
 * What the application recorded on an open span, without a lock: each operation is pushed onto an immutable chain
 * with a compare-and-set, and ending the span swaps the chain for an {@link Ended} mark in one compare-and-set too,
 * so an operation recorded after the end is dropped and a thread never waits for another one. The chain is kept in
 * the span's own field ({@link #HEAD}), so an open span with nothing recorded costs no object here.
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
     * The mark of an ended span, with what it recorded.
     * @param last the last recorded operation, or {@code null}
     */
    private record Ended(@Nullable Recorded last) {
    }

    private static final Ended ENDED_EMPTY = new Ended(null);

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
     * @return {@code true} for the call that ended it, {@code false} when it had ended before
     */
    static boolean end(ManagedSpan span) {
        Object head = HEAD.getVolatile(span);
        while (!(head instanceof Ended)) {
            Ended ended = (head == null) ? ENDED_EMPTY : new Ended((Recorded) head);
            Object witness = HEAD.compareAndExchange(span, head, ended);
            if (witness == head) {
                return true;
            }
            head = witness;
        }
        return false;
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
