package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.opentelemetry.CountingExporter;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Wraps one of the SDK's span exporters and counts every export's result in the traces' {@link ExportOutcomes},
 * which also report failed exports in the application's log, at most once per interval. While traces are switched
 * off it sends nothing: the export is refused and counted.
 */
public final class CountingSpanExporter extends CountingExporter<SpanData> implements SpanExporter {

    /**
     * @param delegate the exporter that sends the spans
     * @param outcomes where the results are counted
     */
    public CountingSpanExporter(SpanExporter delegate, ExportOutcomes outcomes) {
        super(delegate, delegate::export, delegate::flush, delegate::shutdown, outcomes);
    }
}
