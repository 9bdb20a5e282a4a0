package dev.observability.core.health;

import java.time.Duration;

import dev.observability.core.settings.SettingRules;
import org.jspecify.annotations.Nullable;

/**
 * How the manager's health cycle runs.
 *
 * @param interval the time between two cycles
 * @param timeout the longest a check (or an adapter's {@code health()}) may run before it counts as DOWN
 * @param failureThreshold the failures in a row, from 1 to {@value #MAX_FAILURE_THRESHOLD}, that make a check DOWN;
 * fewer make it DEGRADED
 */
public record HealthSettings(Duration interval, Duration timeout, int failureThreshold) {

    /** The most failures in a row a check may need before it is DOWN. */
    public static final int MAX_FAILURE_THRESHOLD = 100;

    /** Every 30 s, a 5 s timeout, DOWN after 3 failures in a row. */
    public static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 3);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the setting, its value and the values it accepts
     */
    public HealthSettings {
        require("health interval", (interval != null) ? SettingRules.positive(interval) : "must have a value",
                interval);
        require("health timeout", (timeout != null) ? SettingRules.positive(timeout) : "must have a value", timeout);
        require("health failure-threshold", SettingRules.between(failureThreshold, 1, MAX_FAILURE_THRESHOLD),
                failureThreshold);
    }

    private static void require(String setting, @Nullable String refusal, @Nullable Object value) {
        if (refusal != null) {
            throw new IllegalArgumentException(setting + " " + refusal + ", not " + value);
        }
    }
}
