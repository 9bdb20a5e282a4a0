package dev.observability.core.adapters;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * A bounded pool of {@link JsonLogFormat.LineWriter}s, shared by every thread that writes lines. A writer holds a
 * buffer and a JSON generator, so one per thread would cost each new thread (with virtual threads, each request)
 * a writer made for one line; the pool lends an idle writer instead and makes one only when every pooled writer is
 * lent, which only threads writing at the same moment can cause. A writer given back when the pool is full is left
 * to the garbage collector, so the pool never holds more than its size (each writer keeps at most
 * {@link JsonLogFormat.LineWriter}'s retained buffer).
 */
public final class LineWriterPool {

    private static final int MAX_SIZE = 64;

    private final AtomicReferenceArray<JsonLogFormat.@Nullable LineWriter> idle;

    /** A pool of two writers per processor (at most 64): more than can write at once on the machine. */
    public LineWriterPool() {
        this(Math.min(MAX_SIZE, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** @param size how many idle writers the pool keeps, at least one */
    public LineWriterPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A line writer pool holds at least one writer, not " + size);
        }
        this.idle = new AtomicReferenceArray<>(size);
    }

    /** @return an idle writer, or a new one when none is idle; give it back with {@link #give} */
    public JsonLogFormat.LineWriter take() {
        for (int slot = 0; slot < this.idle.length(); slot++) {
            if (this.idle.get(slot) != null) {
                JsonLogFormat.LineWriter writer = this.idle.getAndSet(slot, null);
                if (writer != null) {
                    return writer;
                }
            }
        }
        return new JsonLogFormat.LineWriter();
    }

    /** @param writer a writer {@link #take} lent, which the caller no longer uses */
    public void give(JsonLogFormat.LineWriter writer) {
        for (int slot = 0; slot < this.idle.length(); slot++) {
            if (this.idle.get(slot) == null && this.idle.compareAndSet(slot, null, writer)) {
                return;
            }
        }
    }
}
