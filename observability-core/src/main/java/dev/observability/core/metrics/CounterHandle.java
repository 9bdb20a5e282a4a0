package dev.observability.core.metrics;

/**
 * A counter resolved once (name and labels validated, identity built), to record on a hot path.
 */
public interface CounterHandle {

    /** Adds one. */
    default void increment() {
        increment(1);
    }

    /**
     * Adds an amount; a negative, NaN or infinite amount is refused and counted.
     * @param amount the amount
     */
    void increment(double amount);
}
