package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Prometheus adapter's settings, under {@code observability.prometheus}, validated as Boot binds them.
 */
@ConfigurationProperties("observability.prometheus")
public class PrometheusAdapterProperties extends MicrometerAdapterProperties {

    /** Whether the manager's metrics are recorded into Boot's Prometheus registry (default true). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
