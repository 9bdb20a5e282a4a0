package dev.observability.core.spi;

/**
 * The account of one signal on one lane at one moment. The identity
 * {@code submitted == delivered + failed + dropped + rejectedCircuitOpen + rejectedDisabled + rejectedReentrant
 * + pending} holds for
 * every snapshot; {@code pending} is what was submitted and has no outcome yet (queued or being delivered).
 *
 * @param submitted events handed to the lane
 * @param delivered events the adapter accepted
 * @param failed events the adapter threw on
 * @param dropped events dropped by a full queue or at shutdown
 * @param rejectedCircuitOpen events refused because the breaker was open
 * @param rejectedDisabled events refused because the adapter was off or the manager stopped
 * @param rejectedReentrant events refused because the lane's own work caused them (see
 * {@link Outcome#REJECTED_REENTRANT})
 * @param pending events without an outcome yet
 */
public record SignalCounts(long submitted, long delivered, long failed, long dropped, long rejectedCircuitOpen,
        long rejectedDisabled, long rejectedReentrant, long pending) {

    /** An account with nothing in it. */
    public static final SignalCounts ZERO = new SignalCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * An account without re-entrant refusals.
     * @param submitted events handed to the lane
     * @param delivered events the adapter accepted
     * @param failed events the adapter threw on
     * @param dropped events dropped by a full queue or at shutdown
     * @param rejectedCircuitOpen events refused because the breaker was open
     * @param rejectedDisabled events refused because the adapter was off or the manager stopped
     * @param pending events without an outcome yet
     */
    public SignalCounts(long submitted, long delivered, long failed, long dropped, long rejectedCircuitOpen,
            long rejectedDisabled, long pending) {
        this(submitted, delivered, failed, dropped, rejectedCircuitOpen, rejectedDisabled, 0, pending);
    }

    /** @return {@code rejectedCircuitOpen + rejectedDisabled + rejectedReentrant} */
    public long rejected() {
        return this.rejectedCircuitOpen + this.rejectedDisabled + this.rejectedReentrant;
    }

    /**
     * @param outcome an outcome
     * @return the count for that outcome
     */
    public long count(Outcome outcome) {
        return switch (outcome) {
            case DELIVERED -> this.delivered;
            case FAILED -> this.failed;
            case DROPPED -> this.dropped;
            case REJECTED_CIRCUIT_OPEN -> this.rejectedCircuitOpen;
            case REJECTED_DISABLED -> this.rejectedDisabled;
            case REJECTED_REENTRANT -> this.rejectedReentrant;
        };
    }

    /**
     * @param other another account
     * @return the sum of both
     */
    public SignalCounts plus(SignalCounts other) {
        return new SignalCounts(this.submitted + other.submitted, this.delivered + other.delivered,
                this.failed + other.failed, this.dropped + other.dropped,
                this.rejectedCircuitOpen + other.rejectedCircuitOpen, this.rejectedDisabled + other.rejectedDisabled,
                this.rejectedReentrant + other.rejectedReentrant, this.pending + other.pending);
    }
}
