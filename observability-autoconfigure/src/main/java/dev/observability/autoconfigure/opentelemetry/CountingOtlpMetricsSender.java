package dev.observability.autoconfigure.opentelemetry;

import io.micrometer.registry.otlp.OtlpMetricsSender;

/**
 * Sends through the application's {@link OtlpMetricsSender} (Boot's, or one of the application's own) unchanged and
 * records each result in an {@link OtlpPublishAccount}; a failure is passed on to the registry, which logs it as
 * before.
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
        try {
            this.delegate.send(request);
        }
        catch (Exception ex) {
            this.account.publishFailed(request.getAddress(), ex);
            throw ex;
        }
        this.account.publishSucceeded();
    }
}
