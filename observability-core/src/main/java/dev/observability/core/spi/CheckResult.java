package dev.observability.core.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * One health check's standing after a cycle.
 *
 * @param health the status reported: {@code DOWN} after {@code failure-threshold} failures in a row,
 * {@code DEGRADED} after fewer, else what the check returned
 * @param consecutiveFailures failures in a row up to this cycle
 */
public record CheckResult(String name, AdapterHealth health, int consecutiveFailures, Instant checkedAt,
        Duration duration) {
}
