package dev.observability.core.health;

import java.time.Duration;

import dev.observability.core.settings.Range;

/**
 * How the manager's health cycle runs. Each setting's range is defined here, and checks it wherever it is set.
 *
 * @param interval the time between two cycles, from 10 ms to 1 day
 * @param timeout the longest a check (or an adapter's {@code health()}) may run before it counts as DOWN, from 1 ms
 * to 1 day
 * @param failureThreshold the failures in a row, from 1 to 100, that make a check DOWN; fewer make it DEGRADED
 */
public record HealthSettings(Duration interval, Duration timeout, int failureThreshold) {

    /** The intervals accepted: a shorter one keeps the health thread busy, a longer one leaves health unread. */
    public static final Range<Duration> INTERVAL_RANGE = Range.durations(Duration.ofMillis(10), Duration.ofDays(1));

    /** The timeouts accepted: the cycle waits on a check in milliseconds. */
    public static final Range<Duration> TIMEOUT_RANGE = Range.durations(Duration.ofMillis(1), Duration.ofDays(1));

    /** The failure thresholds accepted. */
    public static final Range<Integer> FAILURE_THRESHOLD_RANGE = Range.wholeNumbers(1, 100);

    /** Every 30 s, a 5 s timeout, DOWN after 3 failures in a row. */
    public static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 3);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting, its value and the values it accepts
     */
    public HealthSettings {
        INTERVAL_RANGE.require("health.interval", interval);
        TIMEOUT_RANGE.require("health.timeout", timeout);
        FAILURE_THRESHOLD_RANGE.require("health.failure-threshold", failureThreshold);
    }
}
