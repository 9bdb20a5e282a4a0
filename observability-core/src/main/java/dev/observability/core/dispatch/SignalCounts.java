package dev.observability.core.dispatch;

/**
 * The account of one signal on one lane at one moment. The identity
 * {@code submitted == delivered + failed + dropped + rejectedCircuitOpen + rejectedDisabled + pending} holds for
 * every snapshot; {@code pending} is what was submitted and has no outcome yet (queued or being delivered).
 *
 * @param submitted events handed to the lane
 * @param delivered events the adapter accepted
 * @param failed events the adapter threw on
 * @param dropped events dropped by a full queue or at shutdown
 * @param rejectedCircuitOpen events refused because the breaker was open
 * @param rejectedDisabled events refused because the adapter was off or the manager stopped
 * @param pending events without an outcome yet
 */
public record SignalCounts(long submitted, long delivered, long failed, long dropped, long rejectedCircuitOpen,
        long rejectedDisabled, long pending) {

    /** An account with nothing in it. */
    public static final SignalCounts ZERO = new SignalCounts(0, 0, 0, 0, 0, 0, 0);

    /** @return {@code rejectedCircuitOpen + rejectedDisabled} */
    public long rejected() {
        return this.rejectedCircuitOpen + this.rejectedDisabled;
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
                this.pending + other.pending);
    }
}
