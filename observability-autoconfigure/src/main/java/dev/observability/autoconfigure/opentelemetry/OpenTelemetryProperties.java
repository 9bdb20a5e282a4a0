package dev.observability.autoconfigure.opentelemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OpenTelemetry adapter. The SDK it writes to is the application's (Boot's, configured with
 * {@code management.opentelemetry.*} and {@code management.tracing.*}): where spans go, how they are sampled and
 * which resource they carry are Boot's keys, not these.
 */
@ConfigurationProperties("observability.opentelemetry")
public class OpenTelemetryProperties {

    /** Whether the OpenTelemetry adapter is on when its libraries and an OpenTelemetry SDK bean are there (default true). */
    private boolean enabled = true;

    /**
     * Whether the adapter's report of failed span exports, at most once per observability.dispatch.failure-log-interval,
     * replaces the OpenTelemetry SDK's own log lines about them (default true).
     */
    private boolean replaceExporterLog = true;

    /** @return whether the adapter is on */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether the adapter is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return whether the adapter's report replaces the SDK's own lines about failed span exports */
    public boolean isReplaceExporterLog() {
        return this.replaceExporterLog;
    }

    /** @param replaceExporterLog whether the adapter's report replaces the SDK's own lines */
    public void setReplaceExporterLog(boolean replaceExporterLog) {
        this.replaceExporterLog = replaceExporterLog;
    }
}
