package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.AdapterSwitch;

/**
 * What the OpenTelemetry SDK did with the spans it was given, from the exporters' results: spans ended (sampled),
 * exported, failed, refused while traces are switched off, and those that never reached an exporter (dropped by the
 * SDK's full queue, or still waiting in it). Its health is the OpenTelemetry traces adapter's; failed exports are
 * reported in the application log at most once per interval.
 */
public final class SpanExportAccount extends ExportAccount {

    /** An account for traces that are on, reporting failed exports at most once a minute. */
    public SpanExportAccount() {
        this(new AdapterSwitch(OpenTelemetryAdapter.NAME, true), Duration.ofMinutes(1));
    }

    /**
     * @param adapterSwitch the traces' switch: while it is off no span is exported
     * @param failureLogInterval the shortest time between two reports of failed exports in the application log
     */
    public SpanExportAccount(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        super("span", "spans", "ended", adapterSwitch, failureLogInterval);
    }

    /** Counts one sampled span that ended and was handed to the SDK's processors. */
    void spanEnded() {
        handedOver();
    }

    /** @return sampled spans that ended */
    public long ended() {
        return handedOverCount();
    }
}
