package dev.observability.core.spi;

/**
 * The status of a health check or an adapter, from best to worst: {@link #UP}, {@link #DISABLED},
 * {@link #UNKNOWN}, {@link #DEGRADED}, {@link #CIRCUIT_OPEN}, {@link #DOWN}.
 */
public enum HealthStatus {

    /** Working. */
    UP,

    /** Switched off on purpose: not a fault. */
    DISABLED,

    /** Not checked yet. */
    UNKNOWN,

    /**
     * Working with trouble: a health check that failed fewer times in a row than its failure threshold, an adapter
     * whose current call has run past its slow-call threshold, or an adapter whose own health says so. Failed calls
     * and drops are counted, not reflected here; failures that open the breaker make it {@link #CIRCUIT_OPEN}.
     */
    DEGRADED,

    /** The adapter's circuit breaker is open (or half-open): events are refused until the backend recovers. */
    CIRCUIT_OPEN,

    /** Not working. */
    DOWN;

    /**
     * @param other another status
     * @return the worse of the two
     */
    public HealthStatus worst(HealthStatus other) {
        return (other.ordinal() > ordinal()) ? other : this;
    }
}
