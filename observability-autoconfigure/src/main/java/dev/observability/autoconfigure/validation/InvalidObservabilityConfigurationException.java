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

    /** @return how to fix the configuration */
    public String getAction() {
        return this.action;
    }
}
