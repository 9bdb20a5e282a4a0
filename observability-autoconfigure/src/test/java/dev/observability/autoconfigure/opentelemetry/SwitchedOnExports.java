package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.AdapterSwitch;

/**
 * Export outcomes for tests that build an adapter by hand: the signal switched on, failures reported at most once a
 * minute.
 */
public final class SwitchedOnExports {

    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private SwitchedOnExports() {
    }

    /** @return outcomes of span exports */
    public static ExportOutcomes spans() {
        return ExportOutcomes.ofSpans(new AdapterSwitch("opentelemetry-traces", true), FAILURE_LOG_INTERVAL);
    }

    /** @return outcomes of log record exports */
    public static ExportOutcomes logRecords() {
        return ExportOutcomes.ofLogRecords(new AdapterSwitch("opentelemetry-logs", true), FAILURE_LOG_INTERVAL);
    }

    /** @return outcomes of metrics publishes */
    public static ExportOutcomes metricsPublishes() {
        return ExportOutcomes.ofMetricsPublishes(new AdapterSwitch("opentelemetry-metrics", true),
                FAILURE_LOG_INTERVAL);
    }
}
