package dev.observability.autoconfigure.opentelemetry;

import io.micrometer.registry.otlp.OtlpMetricsSender;

/**
 * Sends through the application's {@link OtlpMetricsSender} (Boot's, or one of the application's own) unchanged and
 * records each result in an {@link OtlpPublishAccount}, which reports failures in the application log at most once
 * per interval. A failure is not passed on to the registry: Micrometer would log each failed push with the URL as
 * configured, credentials included, where the account's report masks them. While metrics are switched off nothing is
 * sent: the publish is refused and counted.
 */
final class CountingOtlpMetricsSender implements OtlpMetricsSender {

    private final OtlpMetricsSender delegate;

    private final OtlpPublishAccount account;

    CountingOtlpMetricsSender(OtlpMetricsSender delegate, OtlpPublishAccount account) {
        this.delegate = delegate;
        this.account = account;
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
            return;
        }
        this.account.publishSucceeded();
    }
}
