package dev.observability.autoconfigure.actuator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A body of the {@code observability} endpoint's write operations written with the settings' flat names. A body may
 * name the settings as the YAML nests them ({@code {"circuit-breaker": {"failure-rate-threshold": 20}}}), by their flat
 * names ({@code {"circuit-breaker.failure-rate-threshold": 20}}) or both ways at once: all mean the same. A name given
 * twice, an empty object and a list are refused, since none of them says what to change.
 */
final class FlatBody {

    private FlatBody() {
    }

    /**
     * @param body a body: settings by name, groups of settings as nested objects
     * @return the same settings by their flat names, in the body's order; a group's {@code null} stays under the
     * group's name
     * @throws IllegalArgumentException with a one-line reason naming the key, for a name given twice, an empty object
     * or a list
     */
    static Map<String, @Nullable Object> of(Map<String, ?> body) {
        Map<String, @Nullable Object> flat = new LinkedHashMap<>();
        put(flat, "", body);
        return flat;
    }

    private static void put(Map<String, @Nullable Object> flat, String prefix, Map<?, ?> group) {
        for (Map.Entry<?, ?> entry : group.entrySet()) {
            String name = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> members && !members.isEmpty()) {
                put(flat, name + ".", members);
            }
            else if (value instanceof Map<?, ?>) {
                throw new IllegalArgumentException("'" + OneLine.cut(name) + "' is an empty object: name its "
                        + "settings, or give it null to return them to their configured values");
            }
            else if (value instanceof Collection<?>) {
                throw new IllegalArgumentException("'" + OneLine.cut(name) + "' takes one value, not a list");
            }
            else if (flat.containsKey(name)) {
                throw new IllegalArgumentException("'" + OneLine.cut(name) + "' is given twice");
            }
            else {
                flat.put(name, value);
            }
        }
    }
}
