package dev.observability.core.health;

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

    /** Working with trouble: recent failures below the threshold, a hung call, drops. */
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
