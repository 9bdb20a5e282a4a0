package dev.observability.core.internal.redaction;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.Labels;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link Redaction} to metric labels.
 */
public final class LabelsRedactor {

    private LabelsRedactor() {
    }

    /**
     * @param redaction the rule
     * @param labels metric labels
     * @return the same instance, without allocating, when no key is sensitive, else a copy with the sensitive values
     * masked
     */
    public static Labels redact(Redaction redaction, Labels labels) {
        boolean sensitive = false;
        for (int i = 0; i < labels.size() && !sensitive; i++) {
            sensitive = redaction.isSensitive(labels.key(i));
        }
        if (!sensitive) {
            return labels;
        }
        Map<@Nullable String, @Nullable String> copy = new LinkedHashMap<>();
        labels.forEach((key, value) -> copy.put(key, redaction.isSensitive(key) ? Redaction.MASK : value));
        return Labels.from(copy);
    }
}
