package dev.observability.core.chaos;

import java.time.Duration;

/**
 * How long a soak runs: {@code -Dsoak.duration=PT30M} (an ISO-8601 duration) for a long run; a short default fit
 * for CI otherwise.
 */
public final class SoakDuration {

    /** The system property that sets the duration. */
    public static final String PROPERTY = "soak.duration";

    private SoakDuration() {
    }

    /**
     * @param ciDefault the duration when the property is not set
     * @return the duration to run for
     * @throws IllegalArgumentException when the property is not an ISO-8601 duration
     */
    public static Duration orDefault(Duration ciDefault) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return ciDefault;
        }
        try {
            return Duration.parse(value.trim());
        }
        catch (java.time.format.DateTimeParseException ex) {
            throw new IllegalArgumentException(PROPERTY + " must be an ISO-8601 duration such as PT30M, was '"
                    + value + "'", ex);
        }
    }
}
