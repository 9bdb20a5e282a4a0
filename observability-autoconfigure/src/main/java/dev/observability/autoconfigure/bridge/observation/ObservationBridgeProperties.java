package dev.observability.autoconfigure.bridge.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Observation bridge, which hands the application's Micrometer Observations to the tracing adapters.
 */
@ConfigurationProperties("observability.tracing.observation-bridge")
public class ObservationBridgeProperties {

    /** Whether Observations (Boot's HTTP server and client ones, the application's own) reach the tracing adapters as spans (default true). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
