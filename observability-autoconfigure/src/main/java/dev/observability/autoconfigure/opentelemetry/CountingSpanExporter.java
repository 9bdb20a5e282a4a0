package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Wraps one of the SDK's span exporters and records every export's result in the {@link SpanExportAccount}, which
 * also reports failed exports in the application log, at most once per interval. While traces are switched off it
 * sends nothing: the export is refused and counted.
 */
public final class CountingSpanExporter extends CountingExporter<SpanData> implements SpanExporter {

    /**
     * @param delegate the exporter that sends the spans
     * @param account where the results are recorded
     */
    public CountingSpanExporter(SpanExporter delegate, SpanExportAccount account) {
        super(delegate, delegate::export, delegate::flush, delegate::shutdown, account);
    }
}
