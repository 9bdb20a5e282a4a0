package dev.observability.autoconfigure.actuator;

import dev.observability.core.spi.HealthStatus;
import org.springframework.boot.health.contributor.Status;

/**
 * The Actuator statuses of adapters and health checks. An adapter in trouble shows a status of its own
 * ({@link #DEGRADED}, {@link #CIRCUIT_OPEN}, {@link #BACKEND_DOWN}, or {@link #DISABLED} when switched off). None of
 * them is in Boot's status order, and Boot's {@code SimpleStatusAggregator} ranks only the codes in its order, so
 * they do not change the application's overall status unless the application adds them to
 * {@code management.endpoint.health.status.order} or sets {@code observability.health.adapter-trouble-is-down},
 * which reports {@code DOWN} instead. A health check (something the application depends on) that fails its
 * threshold is {@code DOWN}.
 */
public final class ObservabilityHealthStatuses {

    /**
     * Working with trouble: a call has run past the slow-call threshold, or the adapter's own {@code health()} says
     * so; for a health check, a failure fewer times in a row than the failure threshold.
     */
    public static final Status DEGRADED = new Status("DEGRADED", "working with trouble");

    /** The adapter's circuit breaker is open: its events are refused until the backend recovers. */
    public static final Status CIRCUIT_OPEN = new Status("CIRCUIT_OPEN", "circuit breaker open");

    /** The adapter's backend does not work; the application does. */
    public static final Status BACKEND_DOWN = new Status("BACKEND_DOWN", "telemetry backend down");

    /** The adapter is switched off on purpose. */
    public static final Status DISABLED = new Status("DISABLED", "switched off");

    private ObservabilityHealthStatuses() {
    }

    /**
     * @param status an adapter's status
     * @param troubleIsDown whether adapter trouble reports {@code DOWN}
     * @return the Actuator status
     */
    static Status ofAdapter(HealthStatus status, boolean troubleIsDown) {
        return switch (status) {
            case UP -> Status.UP;
            case UNKNOWN -> Status.UNKNOWN;
            case DISABLED -> DISABLED;
            case DEGRADED -> troubleIsDown ? Status.DOWN : DEGRADED;
            case CIRCUIT_OPEN -> troubleIsDown ? Status.DOWN : CIRCUIT_OPEN;
            case DOWN -> troubleIsDown ? Status.DOWN : BACKEND_DOWN;
        };
    }

    /**
     * @param status a health check's status
     * @return the Actuator status: a check below its failure threshold is {@link #DEGRADED}, at it {@code DOWN}
     */
    static Status ofCheck(HealthStatus status) {
        return switch (status) {
            case UP -> Status.UP;
            case UNKNOWN -> Status.UNKNOWN;
            case DISABLED -> DISABLED;
            case DEGRADED, CIRCUIT_OPEN -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
    }
}
