package dev.observability.autoconfigure.validation;

/**
 * Thrown at start-up when the observability configuration cannot work for a reason Boot's binder cannot report, such
 * as two adapter beans with one name (a bad property value fails the bind instead, with Boot's own report). It
 * carries what the failure analysis shows: what is wrong and how to fix it.
 */
public final class InvalidObservabilityConfigurationException extends RuntimeException {

    private final String action;

    /**
     * @param description what is wrong, naming the property (or the beans) and the bad value
     * @param action how to fix it
     */
    public InvalidObservabilityConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /**
     * An invalid property value.
     * @param property the full property name, such as {@code observability.health.failure-threshold}
     * @param value the bad value
     * @param requirement what the property accepts, such as {@code "a whole number from 1 to 100"}
     * @param defaultValue the default, offered as a fix
     * @return the exception
     */
    public static InvalidObservabilityConfigurationException invalidProperty(String property, Object value,
            String requirement, String defaultValue) {
        return new InvalidObservabilityConfigurationException(
                "Invalid value '" + value + "' for property '" + property + "': it must be " + requirement + ".",
                "Set '" + property + "' to " + requirement + ", or remove it to use the default (" + defaultValue
                        + ").");
    }

    /** @return how to fix the configuration */
    public String getAction() {
        return this.action;
    }
}
