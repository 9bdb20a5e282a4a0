package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;

import dev.observability.autoconfigure.validation.PropertyConstraints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The Micrometer bridge's settings, under {@code observability.metrics.micrometer-bridge}, validated as Boot binds
 * them.
 */
@ConfigurationProperties("observability.metrics.micrometer-bridge")
public class MicrometerBridgeProperties implements Validator {

    /** Whether the application's Micrometer meters are handed to the metrics adapters (default true). */
    private boolean enabled = true;

    /** How often gauges and other polled meters are read and handed over, from 1s to 1d (default 30s). */
    private Duration sampleInterval = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getSampleInterval() {
        return this.sampleInterval;
    }

    public void setSampleInterval(Duration sampleInterval) {
        this.sampleInterval = sampleInterval;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == MicrometerBridgeProperties.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        PropertyConstraints.within(errors, "sampleInterval", MicrometerBridgeRegistry.SAMPLE_INTERVAL_RANGE,
                ((MicrometerBridgeProperties) target).sampleInterval);
    }
}
