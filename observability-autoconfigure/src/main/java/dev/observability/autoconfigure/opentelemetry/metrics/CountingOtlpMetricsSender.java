package dev.observability.autoconfigure.opentelemetry.metrics;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import io.micrometer.registry.otlp.OtlpMetricsSender;

/**
 * Sends through the application's {@link OtlpMetricsSender} (Boot's, or one of the application's own) unchanged and
 * counts each publish's result in the metrics' {@link ExportOutcomes}, which report failures in the application's log
 * at most once per interval. A failure is not passed on to the registry: Micrometer would log each failed push with
 * the URL as configured, credentials included, where the outcomes' report masks them. While metrics are switched off
 * nothing is sent: the publish is refused and counted.
 */
final class CountingOtlpMetricsSender implements OtlpMetricsSender {

    private final OtlpMetricsSender delegate;

    private final ExportOutcomes outcomes;

    CountingOtlpMetricsSender(OtlpMetricsSender delegate, ExportOutcomes outcomes) {
        this.delegate = delegate;
        this.outcomes = outcomes;
    }

    @Override
    public void send(Request request) throws Exception {
        if (this.outcomes.refuses(1)) {
            return;
        }
        try {
            this.delegate.send(request);
        }
        catch (Exception ex) {
            this.outcomes.failed(1, request.getAddress(), ex);
            return;
        }
        this.outcomes.exported(1);
    }
}
