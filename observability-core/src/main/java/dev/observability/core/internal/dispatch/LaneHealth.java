package dev.observability.core.internal.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.observability.core.internal.redaction.HealthRedactor;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.ObservabilityAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * What a lane knows of its adapter's health, and the lane's health derived from it: the adapter's own
 * {@code health()} (asked by the health cycle, with sensitive details masked), the last error, and the lane's state
 * made worse than that by a switch turned off, an open breaker or a call running past the slow-call threshold.
 */
final class LaneHealth {

    private final Redaction redaction;

    private volatile Checked adapterHealth = new Checked(AdapterHealth.of(HealthStatus.UNKNOWN, "not checked yet"),
            null);

    private volatile @Nullable LastError lastError;

    /** @param redaction masks sensitive keys in the adapter's health details before they are kept */
    LaneHealth(Redaction redaction) {
        this.redaction = redaction;
    }

    /**
     * Asks the adapter for its own health and keeps the answer.
     * @param adapter the adapter
     * @return the adapter's health, details masked; {@code DOWN} when the call threw or returned nothing
     */
    AdapterHealth refresh(ObservabilityAdapter adapter) {
        AdapterHealth health;
        try {
            health = adapter.health();
        }
        catch (Throwable ex) {
            health = AdapterHealth.down("health() threw " + SafeText.describe(ex));
        }
        health = (health != null) ? HealthRedactor.redact(this.redaction, health)
                : AdapterHealth.down("returned no health");
        this.adapterHealth = new Checked(health, Instant.now());
        return health;
    }

    /**
     * Keeps the adapter's health as found by someone else (for example a health call that timed out).
     * @param health the health, masked before it is kept
     */
    void record(AdapterHealth health) {
        this.adapterHealth = new Checked(HealthRedactor.redact(this.redaction, health), Instant.now());
    }

    /** @return when the adapter's own health was last asked or recorded, or {@code null} before the first time */
    @Nullable Instant checkedAt() {
        return this.adapterHealth.at();
    }

    /**
     * Keeps an error as the last one, stamped now.
     * @param message what went wrong
     */
    void error(String message) {
        this.lastError = new LastError(message, Instant.now());
    }

    /** @return the last error, or {@code null} when there was none */
    @Nullable LastError lastError() {
        return this.lastError;
    }

    /**
     * The lane's health: {@code DISABLED} when switched off, else {@code CIRCUIT_OPEN} (with the last error) while the
     * breaker is not closed, else {@code DEGRADED} while the current call has run past the slow-call threshold, else
     * the adapter's own. The adapter's export figures are kept in each, since they are facts whatever the state.
     * @param enabled whether the adapter is switched on
     * @param breakerState the breaker's state
     * @param callNanos how long the current call has run, or a negative number when there is none
     * @param slowCallNanos the slow-call threshold
     * @return the lane's health
     */
    AdapterHealth derive(boolean enabled, CircuitBreaker.State breakerState, long callNanos, long slowCallNanos) {
        AdapterHealth adapter = this.adapterHealth.health();
        HealthStatus lane = laneStatus(enabled, breakerState, callNanos, slowCallNanos);
        if (lane == null) {
            return adapter;
        }
        return withExportsOf(adapter, lane, switch (lane) {
            case DISABLED -> "switched off";
            case CIRCUIT_OPEN -> {
                LastError error = this.lastError;
                yield "circuit breaker " + breakerState + ((error != null) ? "; last error: " + error.message() : "");
            }
            default -> "current call has run for " + TimeUnit.NANOSECONDS.toMillis(callNanos) + " ms";
        });
    }

    /**
     * The status of {@link #derive}'s health, without building the health: for readers that need only the status.
     * @param enabled whether the adapter is switched on
     * @param breakerState the breaker's state
     * @param callNanos how long the current call has run, or a negative number when there is none
     * @param slowCallNanos the slow-call threshold
     * @return the lane's health status
     */
    HealthStatus status(boolean enabled, CircuitBreaker.State breakerState, long callNanos, long slowCallNanos) {
        HealthStatus lane = laneStatus(enabled, breakerState, callNanos, slowCallNanos);
        return (lane != null) ? lane : this.adapterHealth.health().status();
    }

    /** @return the adapter's export figures as it last reported them, or {@code null} when it reports none */
    @Nullable ExportCounts exports() {
        return this.adapterHealth.health().exports();
    }

    /**
     * @return the status the lane's own state imposes ({@code DISABLED}, {@code CIRCUIT_OPEN}, {@code DEGRADED}, in
     * that order), or {@code null} when the adapter's own status stands
     */
    private static @Nullable HealthStatus laneStatus(boolean enabled, CircuitBreaker.State breakerState,
            long callNanos, long slowCallNanos) {
        if (!enabled) {
            return HealthStatus.DISABLED;
        }
        if (breakerState == CircuitBreaker.State.OPEN || breakerState == CircuitBreaker.State.HALF_OPEN
                || breakerState == CircuitBreaker.State.FORCED_OPEN) {
            return HealthStatus.CIRCUIT_OPEN;
        }
        return (callNanos > slowCallNanos) ? HealthStatus.DEGRADED : null;
    }

    /**
     * @return whether the adapter reports export figures with its health: the lane asks it once more when it closes,
     * so the shutdown summary has the last ones
     */
    boolean reportsExports() {
        return exports() != null;
    }

    private static AdapterHealth withExportsOf(AdapterHealth adapter, HealthStatus status, String message) {
        return new AdapterHealth(status, message, Map.of(), adapter.exports());
    }

    /**
     * An error and when it happened.
     *
     * @param message the error's type and message
     */
    record LastError(String message, Instant time) {
    }

    /**
     * The adapter's own health and when it was asked, kept together so a reader never pairs one with the other's
     * time.
     *
     * @param health the adapter's health, details masked
     * @param at when it was asked, or {@code null} before the first time
     */
    private record Checked(AdapterHealth health, @Nullable Instant at) {
    }
}
