package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A span processor that counts the sampled spans that end, the spans the SDK's exporting processor is given, so the
 * {@link SpanExportAccount} can tell spans that never reached an exporter.
 */
public final class EndedSpanCounter implements SpanProcessor {

    private final SpanExportAccount account;

    /** @param account where the count goes */
    public EndedSpanCounter(SpanExportAccount account) {
        this.account = account;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
            this.account.spanEnded();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
