package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.AdapterSwitch;

/**
 * What the OpenTelemetry SDK did with the log records it was given (by the OpenTelemetry logs adapter, or by
 * OpenTelemetry's own Logback appender on the same SDK), from the exporters' results: records emitted, exported,
 * failed, refused while logs are switched off, and those that never reached an exporter (dropped by the SDK's full
 * queue, or still waiting in it). Its health is the OpenTelemetry logs adapter's; failed exports are reported in the
 * application log at most once per interval.
 */
public final class LogExportAccount extends ExportAccount {

    /**
     * @param adapterSwitch the logs' switch: while it is off no record is exported
     * @param failureLogInterval the shortest time between two reports of failed exports in the application log
     */
    public LogExportAccount(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        super("log", "records", "emitted", adapterSwitch, failureLogInterval);
    }

    /** Counts one record emitted to the SDK's processors. */
    void recordEmitted() {
        handedOver();
    }

    /** @return records emitted to the SDK */
    public long emitted() {
        return handedOverCount();
    }
}
