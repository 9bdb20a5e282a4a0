package dev.observability.autoconfigure.opentelemetry;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Wraps one of the SDK's span exporters and records every export's result in the {@link SpanExportAccount}, which
 * also reports failed exports in the application log, at most once per interval.
 */
public final class CountingSpanExporter implements SpanExporter {

    private final SpanExporter delegate;

    private final SpanExportAccount account;

    /**
     * @param delegate the exporter that sends the spans
     * @param account where the results are recorded
     */
    public CountingSpanExporter(SpanExporter delegate, SpanExportAccount account) {
        this.delegate = delegate;
        this.account = account;
        account.exporterWrapped();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        int count = spans.size();
        CompletableResultCode result;
        try {
            result = this.delegate.export(spans);
        }
        catch (RuntimeException ex) {
            this.account.failed(count, ex);
            return CompletableResultCode.ofExceptionalFailure(ex);
        }
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                this.account.exported(count);
            }
            else {
                Throwable error = result.getFailureThrowable();
                this.account.failed(count, (error != null) ? error
                        : new IllegalStateException(this.delegate.getClass().getSimpleName() + " reported a failure"));
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return this.delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return this.delegate.shutdown();
    }

    @Override
    public String toString() {
        return "CountingSpanExporter[" + this.delegate + "]";
    }
}
