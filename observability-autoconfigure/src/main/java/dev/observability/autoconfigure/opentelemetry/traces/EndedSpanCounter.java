package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A span processor that counts the sampled spans that end, the spans the SDK's exporting processor is given, so the
 * traces' {@link ExportOutcomes} can tell spans that never reached an exporter.
 */
public final class EndedSpanCounter implements SpanProcessor {

    private final ExportOutcomes outcomes;

    /** @param outcomes where the count goes */
    public EndedSpanCounter(ExportOutcomes outcomes) {
        this.outcomes = outcomes;
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
            this.outcomes.itemHandedOver();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
