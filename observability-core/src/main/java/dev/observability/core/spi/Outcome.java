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
     * Refused at once because the lane's own work caused it: recorded while the lane called its adapter (the adapter
     * logging or recording meters, the lane's breaker events, the lane's failure report and what the logging framework
     * records for that line), directly or through other lanes that this work led to. A lane never receives its own
     * feedback; every other lane receives it, so a chain of causes passes each lane at most once.
     */
    REJECTED_REENTRANT;

    /** The lower-case name used in tags and JSON ({@code delivered}, {@code rejected_circuit_open}, ...). */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
