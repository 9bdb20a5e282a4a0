package dev.observability.core.health;

import java.time.Duration;

/**
 * How the manager's health cycle runs.
 *
 * @param interval the time between two cycles
 * @param timeout the longest a check (or an adapter's {@code health()}) may run before it counts as DOWN
 * @param failureThreshold the failures in a row that make a check DOWN; fewer make it DEGRADED
 */
public record HealthSettings(Duration interval, Duration timeout, int failureThreshold) {

    /** Every 30 s, a 5 s timeout, DOWN after 3 failures in a row. */
    public static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 3);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting and the accepted range
     */
    public HealthSettings {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("health interval must be a positive duration, was " + interval);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health timeout must be a positive duration, was " + timeout);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("health failure-threshold must be 1 or more, was " + failureThreshold);
        }
    }
}
