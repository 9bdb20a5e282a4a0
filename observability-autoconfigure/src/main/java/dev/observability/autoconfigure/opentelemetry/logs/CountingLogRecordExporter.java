package dev.observability.autoconfigure.opentelemetry.logs;

import dev.observability.autoconfigure.opentelemetry.CountingExporter;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/**
 * Wraps one of the SDK's log record exporters and counts every export's result in the logs' {@link ExportOutcomes},
 * which also report failed exports in the application's log, at most once per interval. While logs are switched off
 * it sends nothing: the export is refused and counted.
 */
public final class CountingLogRecordExporter extends CountingExporter<LogRecordData> implements LogRecordExporter {

    /**
     * @param delegate the exporter that sends the records
     * @param outcomes where the results are counted
     */
    public CountingLogRecordExporter(LogRecordExporter delegate, ExportOutcomes outcomes) {
        super(delegate, delegate::export, delegate::flush, delegate::shutdown, outcomes);
    }
}
