package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/**
 * Wraps one of the SDK's log record exporters and records every export's result in the {@link LogExportAccount},
 * which also reports failed exports in the application log, at most once per interval. While logs are switched off
 * it sends nothing: the export is refused and counted.
 */
public final class CountingLogRecordExporter extends CountingExporter<LogRecordData> implements LogRecordExporter {

    /**
     * @param delegate the exporter that sends the records
     * @param account where the results are recorded
     */
    public CountingLogRecordExporter(LogRecordExporter delegate, LogExportAccount account) {
        super(delegate, delegate::export, delegate::flush, delegate::shutdown, account);
    }
}
