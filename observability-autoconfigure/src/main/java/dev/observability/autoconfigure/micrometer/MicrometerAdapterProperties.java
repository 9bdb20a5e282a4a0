package dev.observability.autoconfigure.micrometer;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What the properties of every adapter on a Micrometer registry share: the cardinality guard's limits, validated as
 * Boot binds them, and the adapter settings they describe. Each backend's subclass names its prefix and its switch.
 */
public abstract class MicrometerAdapterProperties implements Validator {

    /** The cardinality guard's limits. */
    @NestedConfigurationProperty
    private final CardinalityProperties cardinality = new CardinalityProperties();

    public CardinalityProperties getCardinality() {
        return this.cardinality;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == CardinalityProperties.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        ((CardinalityProperties) target).validate(errors);
    }

    /** @return the adapter settings these properties describe */
    public MicrometerAdapterSettings toSettings() {
        return this.cardinality.toSettings();
    }
}
