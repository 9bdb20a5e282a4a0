package dev.observability.core.spi;

import java.util.Locale;

/**
 * What became of one event submitted to a lane. Every submitted event ends in exactly one outcome, or is still
 * pending: {@code submitted = delivered + failed + dropped + rejected_circuit_open + rejected_disabled + rejected_reentrant
 * + pending}.
 */
public enum Outcome {

    /** The adapter accepted the event (its call returned normally). */
    DELIVERED,

    /** The adapter threw. */
    FAILED,

    /** The lane's queue was full, or the event was still queued when the shutdown timeout ran out. */
    DROPPED,

    /** Refused at once because the adapter's circuit breaker was open. */
    REJECTED_CIRCUIT_OPEN,

    /** Refused at once because the adapter was switched off, or the manager had stopped. */
    REJECTED_DISABLED,

    /**
     * Refused at once because it was recorded on a thread already inside a lane (by a breaker's event listener, an
     * adapter's own logging, or a lane's failure report written on its own thread) and would have re-entered a lane:
     * every signal, a lane's failure report for the lane the thread is inside (the failing lane never receives its
     * own report) and for an INLINE lane (whose adapter would be called on that thread). Only a failure report for
     * another ASYNC lane is queued there instead.
     */
    REJECTED_REENTRANT;

    /** The lower-case name used in tags and JSON ({@code delivered}, {@code rejected_circuit_open}, ...). */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
