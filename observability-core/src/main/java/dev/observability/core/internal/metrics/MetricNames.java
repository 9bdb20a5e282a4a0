package dev.observability.core.internal.metrics;

import dev.observability.core.spi.Utf16;
import org.jspecify.annotations.Nullable;

/**
 * The rule for metric names: Micrometer's dotted convention, {@code [A-Za-z][A-Za-z0-9_.-]*}, at most
 * {@value #MAX_LENGTH} characters. Backends translate it to their own convention (Prometheus turns
 * {@code orders.placed} into {@code orders_placed_total}).
 */
public final class MetricNames {

    /** The longest metric name accepted. */
    public static final int MAX_LENGTH = 200;

    private MetricNames() {
    }

    /**
     * @param name a candidate name
     * @return why the name is refused, or {@code null} when it is valid
     */
    public static @Nullable String problem(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "the metric name is null or blank";
        }
        if (name.length() > MAX_LENGTH) {
            return "the metric name has " + name.length() + " characters, over " + MAX_LENGTH;
        }
        char first = name.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return "metric name '" + Utf16.abbreviate(name) + "' must start with a letter";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            if (!allowed) {
                return "metric name '" + Utf16.abbreviate(name) + "' has a character outside [A-Za-z0-9_.-]";
            }
        }
        return null;
    }
}
