package dev.observability.core.internal.redaction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;

/**
 * Applies a {@link Redaction} to health details, at any depth of nested maps (deeper than 8
 * levels, a nested map is masked whole), and cleans the message and every text detail with {@link SafeText}.
 */
public final class HealthRedactor {

    private static final int MAX_DEPTH = 8;

    private HealthRedactor() {
    }

    /**
     * @param redaction the rule
     * @param health a health with details
     * @return the same instance when no detail key (at any depth of nested maps) is sensitive and no text holds
     * credentials, else a copy with the sensitive values masked and the texts cleaned
     */
    public static AdapterHealth redact(Redaction redaction, AdapterHealth health) {
        Map<String, Object> details = redactMap(redaction, health.details(), 0);
        String message = health.message();
        String cleanMessage = (message != null) ? SafeText.clean(message) : null;
        return (details == health.details() && Objects.equals(cleanMessage, message)) ? health
                : new AdapterHealth(health.status(), cleanMessage, details, health.exports());
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> redactMap(Redaction redaction, Map<String, V> map, int depth) {
        Map<String, V> copy = null;
        for (Map.Entry<String, V> entry : map.entrySet()) {
            V value = entry.getValue();
            V safe = value;
            if (value != null && redaction.isSensitive(entry.getKey())) {
                safe = (V) Redaction.MASK;
            }
            else if (value instanceof Map<?, ?> nested) {
                safe = (V) redactNested(redaction, nested, depth + 1);
            }
            else if (value instanceof String text) {
                safe = (V) SafeText.clean(text);
            }
            if (safe != value) {
                copy = (copy != null) ? copy : new LinkedHashMap<>(map);
                copy.put(entry.getKey(), safe);
            }
        }
        return (copy != null) ? copy : map;
    }

    private static Object redactNested(Redaction redaction, Map<?, ?> nested, int depth) {
        if (depth > MAX_DEPTH) {
            return Redaction.MASK;
        }
        Map<String, Object> keyed = new LinkedHashMap<>();
        nested.forEach((key, value) -> keyed.put(String.valueOf(key), value));
        Map<String, Object> redacted = redactMap(redaction, keyed, depth);
        return (redacted == keyed) ? nested : redacted;
    }
}
