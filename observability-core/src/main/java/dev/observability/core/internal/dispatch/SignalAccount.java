package dev.observability.core.internal.dispatch;

import java.util.concurrent.atomic.LongAdder;

import dev.observability.core.spi.SignalCounts;

/**
 * The account of one signal on one lane. Each event adds to one counter when it gets its outcome, and an event that
 * enters an ASYNC lane's queue also to {@code queued} just before it is offered. {@code pending} is what entered the
 * queue and has not left it with an outcome (queued, or in the worker's hands), {@code submitted} is the sum of the
 * outcomes and {@code pending}. An INLINE call is counted when it returns, so it is never pending.
 * <p>
 * Counters are {@link LongAdder}s (no lock, no contended atomic on the record path), except the worker's deliveries
 * and failures: only the lane's worker adds to them, so a plain read and an ordered write count an event exactly
 * without an atomic read-modify-write, in {@link PaddedCells} away from the producers' adders.
 */
final class SignalAccount {

    private static final int DELIVERED = 0;

    private static final int FAILED = 1;

    private final LongAdder delivered = new LongAdder();

    private final LongAdder failed = new LongAdder();

    private final LongAdder rejectedCircuitOpen = new LongAdder();

    private final LongAdder rejectedDisabled = new LongAdder();

    private final LongAdder rejectedReentrant = new LongAdder();

    /** Events past the lane's refusals, counted just before they are offered to the queue. */
    private final LongAdder queued = new LongAdder();

    /** Queued events dropped: the queue was full, or they were still queued at the end of the stop. */
    private final LongAdder queuedDropped = new LongAdder();

    /** Queued events taken from the queue while the breaker was open. */
    private final LongAdder queuedRejectedCircuitOpen = new LongAdder();

    /** The queued events the worker delivered (at {@link #DELIVERED}) and the adapter threw on (at {@link #FAILED}). */
    private final PaddedCells byWorker = new PaddedCells(2);

    /** Counts an INLINE call that returned. */
    void delivered() {
        this.delivered.increment();
    }

    /** Counts an INLINE call that threw. */
    void failed() {
        this.failed.increment();
    }

    /** Counts a queued event the worker delivered; only the lane's worker calls it. */
    void deliveredByWorker() {
        this.byWorker.incrementBySoleWriter(DELIVERED);
    }

    /** Counts a queued event the adapter threw on; only the lane's worker calls it. */
    void failedByWorker() {
        this.byWorker.incrementBySoleWriter(FAILED);
    }

    /** Counts an event refused at the entrance because the breaker was open. */
    void rejectedCircuitOpen() {
        this.rejectedCircuitOpen.increment();
    }

    /** Counts an event refused because the adapter (or its signal) was off or the lane had stopped. */
    void rejectedDisabled() {
        this.rejectedDisabled.increment();
    }

    /** Counts an event refused because the lane's own work caused it. */
    void rejectedReentrant() {
        this.rejectedReentrant.increment();
    }

    /** Counts an event about to be offered to the queue; it is pending until it gets one of the outcomes below. */
    void queued() {
        this.queued.increment();
    }

    /** Counts a queued event dropped (the queue refused it, or the stop found it still queued). */
    void queuedDropped() {
        this.queuedDropped.increment();
    }

    /** Counts a queued event taken from the queue while the breaker was open. */
    void queuedRejectedCircuitOpen() {
        this.queuedRejectedCircuitOpen.increment();
    }

    /**
     * The account now. What left the queue is read before {@code queued}, so {@code pending} is never negative, and
     * every counter only grows, so {@code submitted} never goes back between two reads.
     * @return the account
     */
    SignalCounts counts() {
        long byWorker = this.byWorker.get(DELIVERED);
        long failedByWorker = this.byWorker.get(FAILED);
        long queuedDropped = this.queuedDropped.sum();
        long queuedOpen = this.queuedRejectedCircuitOpen.sum();
        long delivered = this.delivered.sum() + byWorker;
        long failed = this.failed.sum() + failedByWorker;
        long open = this.rejectedCircuitOpen.sum() + queuedOpen;
        long disabled = this.rejectedDisabled.sum();
        long reentrant = this.rejectedReentrant.sum();
        long pending = this.queued.sum() - byWorker - failedByWorker - queuedDropped - queuedOpen;
        long submitted = delivered + failed + queuedDropped + open + disabled + reentrant + pending;
        return new SignalCounts(submitted, delivered, failed, queuedDropped, open, disabled, reentrant, pending);
    }
}
