package dev.observability.autoconfigure.opentelemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OpenTelemetry adapters, one per signal ({@code opentelemetry-traces}, {@code opentelemetry-metrics},
 * {@code opentelemetry-logs}); each signal has its own switch under {@code observability.opentelemetry.<signal>}. The
 * SDK and registry they write to are the application's (Boot's, configured with {@code management.opentelemetry.*},
 * {@code management.otlp.metrics.*} and {@code management.tracing.*}): where the signals go, how spans are sampled
 * and which resource they carry are Boot's keys, not these.
 */
@ConfigurationProperties("observability.opentelemetry")
public class OpenTelemetryProperties {

    /**
     * Whether OpenTelemetry's three signals (traces, metrics, logs) start switched on; when false each starts off and
     * nothing is exported over OTLP until a signal is switched on at runtime (default true).
     */
    private boolean enabled = true;

    /** Traces: manager spans as spans of Boot's SDK, and the SDK's span exports. */
    private final Signal traces = new Signal();

    /** Logs: log events as log records of Boot's SDK, and the SDK's log record exports. */
    private final Signal logs = new Signal();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Signal getTraces() {
        return this.traces;
    }

    public Signal getLogs() {
        return this.logs;
    }

    /**
     * @param signal a signal's own switch
     * @return whether the signal starts switched on: this switch and the signal's are both on
     */
    public boolean startsOn(Signal signal) {
        return this.enabled && signal.isEnabled();
    }

    /**
     * The switch of one signal.
     */
    public static class Signal {

        /**
         * Whether this signal starts switched on; when false its adapter starts switched off and Boot's exporter of
         * the signal sends nothing until it is switched on at runtime (default true).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
