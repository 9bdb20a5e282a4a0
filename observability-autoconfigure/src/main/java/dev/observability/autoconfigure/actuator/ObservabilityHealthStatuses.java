package dev.observability.autoconfigure.actuator;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.observability.core.health.HealthStatus;

import org.springframework.boot.health.contributor.Status;

/**
 * The Actuator statuses of adapters and health checks. An adapter in trouble shows a status of its own
 * ({@link #DEGRADED}, {@link #CIRCUIT_OPEN}, {@link #BACKEND_DOWN}), which the {@link AdapterTroubleStatusAggregator}
 * leaves out of the application's overall status, unless {@code observability.health.adapter-trouble-is-down} asks
 * for {@code DOWN}. A health check (something the application depends on) that fails its threshold is {@code DOWN}.
 */
public final class ObservabilityHealthStatuses {

    /** Working with trouble: recent failures, a hung call, drops. */
    public static final Status DEGRADED = new Status("DEGRADED", "working with trouble");

    /** The adapter's circuit breaker is open: its events are refused until the backend recovers. */
    public static final Status CIRCUIT_OPEN = new Status("CIRCUIT_OPEN", "circuit breaker open");

    /** The adapter's backend does not work; the application does. */
    public static final Status BACKEND_DOWN = new Status("BACKEND_DOWN", "telemetry backend down");

    /** The adapter is switched off on purpose. */
    public static final Status DISABLED = new Status("DISABLED", "switched off");

    /** The statuses of this project that never count towards the application's overall status, worst first. */
    static final List<Status> OWN_WORST_FIRST = List.of(BACKEND_DOWN, CIRCUIT_OPEN, DEGRADED, DISABLED);

    static final Set<String> OWN_CODES = OWN_WORST_FIRST.stream().map(Status::getCode)
        .collect(Collectors.toUnmodifiableSet());

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
