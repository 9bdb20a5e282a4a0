package dev.observability.core.internal.tracing;

import org.jspecify.annotations.Nullable;

/**
 * The rule for span names: not blank, at most {@value #MAX_LENGTH} characters, no ISO control characters. Unlike
 * metric names, spaces and punctuation are allowed ({@code GET /orders/{id}}).
 */
public final class SpanNames {

    /** The longest span name accepted. */
    public static final int MAX_LENGTH = 200;

    private SpanNames() {
    }

    /**
     * @param name a candidate name
     * @return why the name is refused, or {@code null} when it is valid
     */
    public static @Nullable String problem(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "the span name is null or blank";
        }
        if (name.length() > MAX_LENGTH) {
            return "the span name has " + name.length() + " characters, over " + MAX_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "the span name has a control character";
            }
        }
        return null;
    }
}
