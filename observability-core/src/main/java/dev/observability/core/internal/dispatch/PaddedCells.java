package dev.observability.core.internal.dispatch;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A few longs that an ASYNC lane's worker writes for each event (its delivered and failed counts, its consumer role
 * and call stamp), side by side with 64 bytes of padding on either side, so that no field a producer touches for
 * each event shares their cache line. Only the worker writes a cell, except where a compare-and-set hands a cell over.
 * <p>
 * What it buys: a busy worker's writes do not take the producers' cache lines from them for each event (false
 * sharing); {@code BootTimerBenchmark.record} with the starter, whose worker is busy with every recording, shows it.
 */
final class PaddedCells {

    /** 8 longs: 64 bytes, a cache line. */
    private static final int PAD = 8;

    private final AtomicLongArray cells;

    /** @param count how many cells, all 0 */
    PaddedCells(int count) {
        this.cells = new AtomicLongArray(PAD + count + PAD);
    }

    /**
     * @param cell a cell
     * @return its value (a volatile read)
     */
    long get(int cell) {
        return this.cells.get(PAD + cell);
    }

    /**
     * An ordered store: seen by other threads soon and in order, without the cost of a volatile store.
     * @param cell a cell
     * @param value its new value
     */
    void setOrdered(int cell, long value) {
        this.cells.lazySet(PAD + cell, value);
    }

    /**
     * Adds one with an ordered store, no atomic read-modify-write: for a cell with a single writer.
     * @param cell a cell
     */
    void incrementBySoleWriter(int cell) {
        this.cells.lazySet(PAD + cell, this.cells.get(PAD + cell) + 1);
    }

    /**
     * @param cell a cell
     * @param value a value
     */
    void set(int cell, long value) {
        this.cells.set(PAD + cell, value);
    }

    /**
     * @param cell a cell
     * @param expected the value it must have
     * @param value its new value
     * @return whether it had the expected value and now has the new one
     */
    boolean compareAndSet(int cell, long expected, long value) {
        return this.cells.compareAndSet(PAD + cell, expected, value);
    }
}
