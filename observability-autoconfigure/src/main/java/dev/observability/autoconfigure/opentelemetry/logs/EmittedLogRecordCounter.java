package dev.observability.autoconfigure.opentelemetry.logs;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * A log record processor that counts the records emitted to Boot's SDK, the records its exporting processor is
 * given, so the logs' {@link ExportOutcomes} can tell records that never reached an exporter.
 */
public final class EmittedLogRecordCounter implements LogRecordProcessor {

    private final ExportOutcomes outcomes;

    /** @param outcomes where the count goes */
    public EmittedLogRecordCounter(ExportOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void onEmit(Context context, ReadWriteLogRecord logRecord) {
        this.outcomes.itemHandedOver();
    }
}
