package dev.observability.core.dispatch;

import java.util.Locale;

/**
 * What became of one event submitted to a lane. Every submitted event ends in exactly one outcome, or is still
 * pending: {@code submitted = delivered + failed + dropped + rejected_circuit_open + rejected_disabled + pending}.
 */
public enum Outcome {

    /** The adapter accepted the event (its call returned normally). */
    DELIVERED,

    /** The adapter threw. */
    FAILED,

    /**
     * The lane's queue was full, the event was still queued when the shutdown timeout ran out, or it was recorded
     * from inside a lane (by a breaker's event listener or an adapter's own logging) and would have looped.
     */
    DROPPED,

    /** Refused at once because the adapter's circuit breaker was open. */
    REJECTED_CIRCUIT_OPEN,

    /** Refused at once because the adapter was switched off, or the manager had stopped. */
    REJECTED_DISABLED;

    /** The lower-case name used in tags and JSON ({@code delivered}, {@code rejected_circuit_open}, ...). */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
