package dev.observability.autoconfigure.opentelemetry.metrics;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenTelemetry metrics adapter's settings, under {@code observability.opentelemetry.metrics}. Where and how
 * often the metrics are pushed are Boot's {@code management.otlp.metrics.export.*}. Validated as Boot binds them.
 */
@ConfigurationProperties("observability.opentelemetry.metrics")
public class OpenTelemetryMetricsProperties extends MicrometerAdapterProperties {

    /**
     * Whether the manager's metrics are recorded into Boot's OTLP meter registry and the registry's pushes are sent;
     * when false the adapter starts switched off and no push is sent (default true).
     */
    private boolean enabled = true;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
