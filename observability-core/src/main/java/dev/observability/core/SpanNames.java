package dev.observability.core;

import org.jspecify.annotations.Nullable;

/**
 * The rule for span names: not blank, at most {@value #MAX_LENGTH} characters, no ISO control characters. Unlike
 * metric names, spaces and punctuation are allowed ({@code GET /orders/{id}}).
 */
final class SpanNames {

    static final int MAX_LENGTH = 200;

    private SpanNames() {
    }

    static @Nullable String problem(@Nullable String name) {
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
