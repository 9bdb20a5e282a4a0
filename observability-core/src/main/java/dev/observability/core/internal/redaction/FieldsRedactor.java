package dev.observability.core.internal.redaction;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.Fields;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link Redaction} to log fields and span attributes.
 */
public final class FieldsRedactor {

    private FieldsRedactor() {
    }

    /**
     * @param redaction the rule
     * @param fields log fields or span attributes
     * @return the same instance when no key is sensitive (without allocating when there is none), else a copy with
     * the sensitive values masked
     */
    public static Fields redact(Redaction redaction, Fields fields) {
        if (fields.isEmpty() || !anySensitive(redaction, fields)) {
            return fields;
        }
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(key, redaction.value(key, value)));
        return Fields.from(copy);
    }

    private static boolean anySensitive(Redaction redaction, Fields fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (redaction.isSensitive(fields.keyAt(i))) {
                return true;
            }
        }
        return false;
    }
}
