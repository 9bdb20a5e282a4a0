package dev.observability.autoconfigure.opentelemetry;

import io.micrometer.registry.otlp.OtlpMetricsSender;

/**
 * Sends through the application's {@link OtlpMetricsSender} (Boot's, or one of the application's own) unchanged and
 * records each result in an {@link OtlpPublishAccount}, which reports failures in the application log at most once
 * per interval. A failure is passed on to the registry, which logs it too, only when the adapter's report does not
 * replace Micrometer's line ({@code observability.opentelemetry.replace-exporter-log=false}). While metrics are
 * switched off nothing is sent: the publish is refused and counted.
 */
final class CountingOtlpMetricsSender implements OtlpMetricsSender {

    private final OtlpMetricsSender delegate;

    private final OtlpPublishAccount account;

    private final boolean replacesRegistryLog;

    CountingOtlpMetricsSender(OtlpMetricsSender delegate, OtlpPublishAccount account, boolean replacesRegistryLog) {
        this.delegate = delegate;
        this.account = account;
        this.replacesRegistryLog = replacesRegistryLog;
    }

    @Override
    public void send(Request request) throws Exception {
        if (this.account.refuses()) {
            return;
        }
        try {
            this.delegate.send(request);
        }
        catch (Exception ex) {
            this.account.publishFailed(request.getAddress(), ex);
            if (!this.replacesRegistryLog) {
                throw ex;
            }
            return;
        }
        this.account.publishSucceeded();
    }
}
