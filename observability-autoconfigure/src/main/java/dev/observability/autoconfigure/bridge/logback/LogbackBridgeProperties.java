package dev.observability.autoconfigure.bridge.logback;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Logback bridge, which hands the application's SLF4J/Logback events to the logging adapters.
 */
@ConfigurationProperties("observability.logging.logback-bridge")
public class LogbackBridgeProperties {

    /** Whether the application's Logback events reach the logging adapters (default true). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
