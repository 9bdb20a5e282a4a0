package dev.observability.core.spi;

import java.time.Instant;
import java.util.List;

/**
 * The result of one health cycle: every check and every adapter's lane.
 *
 * @param status the worst status of the checks (adapters' trouble is reported, not folded in)
 */
public record HealthReport(Instant time, HealthStatus status, List<CheckResult> checks,
        List<AdapterSnapshot> adapters) {

    /**
     * Copies the lists so the record stays immutable.
     */
    public HealthReport {
        checks = List.copyOf(checks);
        adapters = List.copyOf(adapters);
    }
}
