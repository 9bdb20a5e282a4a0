package dev.observability.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An adapter's view of its backend, or the health of a check.
 *
 * @param status the status
 * @param message a short human-readable reason, or {@code null}
 * @param details extra facts (strings, numbers, booleans), in order
 * @param exports what the backend did with what the adapter handed on, for an adapter that exports out of its lane's
 * sight, or {@code null}
 */
public record AdapterHealth(HealthStatus status, @Nullable String message, Map<String, Object> details,
        @Nullable ExportCounts exports) {

    private static final AdapterHealth UP = new AdapterHealth(HealthStatus.UP, null, Map.of());

    /**
     * Copies the details so the record stays immutable.
     */
    public AdapterHealth {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * A health without export figures.
     * @param status the status
     * @param message a short human-readable reason, or {@code null}
     * @param details extra facts (strings, numbers, booleans), in order
     */
    public AdapterHealth(HealthStatus status, @Nullable String message, Map<String, Object> details) {
        this(status, message, details, null);
    }

    /** @return an {@code UP} health with no message */
    public static AdapterHealth up() {
        return UP;
    }

    /**
     * @param message why
     * @return a {@code DOWN} health
     */
    public static AdapterHealth down(String message) {
        return new AdapterHealth(HealthStatus.DOWN, message, Map.of());
    }

    /**
     * @param message why
     * @return a {@code DEGRADED} health
     */
    public static AdapterHealth degraded(String message) {
        return new AdapterHealth(HealthStatus.DEGRADED, message, Map.of());
    }

    /**
     * @param status a status
     * @param message why, or {@code null}
     * @return a health with that status and no details
     */
    public static AdapterHealth of(HealthStatus status, @Nullable String message) {
        return new AdapterHealth(status, message, Map.of());
    }

    /**
     * @param key a detail's name
     * @param value its value
     * @return this health with one more detail
     */
    public AdapterHealth withDetail(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(this.details);
        copy.put(key, value);
        return new AdapterHealth(this.status, this.message, copy, this.exports);
    }

    /**
     * @param exports what the backend did with what the adapter handed on
     * @return this health with those export figures
     */
    public AdapterHealth withExports(ExportCounts exports) {
        return new AdapterHealth(this.status, this.message, this.details, exports);
    }
}
