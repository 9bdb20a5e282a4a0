package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.micrometer.CardinalityProperties;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The Prometheus adapter's settings, under {@code observability.prometheus}, validated as Boot binds them.
 */
@ConfigurationProperties("observability.prometheus")
public class PrometheusAdapterProperties implements Validator {

    /** Whether the manager's metrics are recorded into Boot's Prometheus registry (default true). */
    private boolean enabled = true;

    /** The cardinality guard's limits. */
    @NestedConfigurationProperty
    private final CardinalityProperties cardinality = new CardinalityProperties();

    /** @return whether the adapter is on */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether the adapter is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the cardinality guard's limits */
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
    MicrometerAdapterSettings toSettings() {
        return this.cardinality.toSettings();
    }
}
