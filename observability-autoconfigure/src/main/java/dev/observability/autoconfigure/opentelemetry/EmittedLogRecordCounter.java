package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * A log record processor that counts the records emitted to Boot's SDK, the records its exporting processor is
 * given, so the {@link LogExportAccount} can tell records that never reached an exporter.
 */
public final class EmittedLogRecordCounter implements LogRecordProcessor {

    private final LogExportAccount account;

    /** @param account where the count goes */
    public EmittedLogRecordCounter(LogExportAccount account) {
        this.account = account;
    }

    @Override
    public void onEmit(Context context, ReadWriteLogRecord logRecord) {
        this.account.recordEmitted();
    }
}
