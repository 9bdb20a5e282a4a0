package dev.observability.autoconfigure.opentelemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Leaves the OpenTelemetry SDK's own log lines about one signal's failed exports out of the application log, because
 * the signal's adapter reports those failures itself, at most once per
 * {@code observability.dispatch.failure-log-interval}, and shows them in its health. The SDK's OTLP exporters log
 * every failed export through java.util.logging (five lines in the first minute, then one a minute, whatever the
 * interval the application chose), under the loggers of its HTTP and gRPC exporters, which every signal shares: only
 * lines about this filter's signal are left out ({@link #forSpans}: {@code Failed to export spans};
 * {@link #forLogs}: {@code Failed to export logs}), and only while the adapter wraps the application's exporters of
 * that signal; failures of other signals' exporters and every other line still show. The SDK's notice that it
 * throttles its log is left out when it announces a line left out (by this filter or one it joined), and shown
 * before that line otherwise. From SDK 1.62 (Boot 4.1) the
 * batch span processor also logs, after each export, how many spans its full queue dropped since the last one; those
 * lines are left out too, since the traces adapter's account counts the same spans (its exports' dropped-or-queued
 * count).
 * <p>
 * Left out of the application log, the lines also stay out of the OpenTelemetry logs adapter: an exporter's failure
 * line never becomes a log record that fails to export in its turn. Filters for several signals join: each joins
 * whatever filter the loggers had, and gives it back when the application context closes. Off with
 * {@code observability.opentelemetry.replace-exporter-log=false}.
 */
final class SdkExportLogFilter implements Filter, InitializingBean, DisposableBean {

    /** The loggers of the SDK's OTLP exporters: one per transport, shared by every signal. */
    static final List<String> EXPORTER_LOGGERS = List.of("io.opentelemetry.exporter.internal.http.HttpExporter",
            "io.opentelemetry.exporter.internal.grpc.GrpcExporter");

    /** The logger of the SDK's batch span processor. */
    static final String BATCH_SPAN_PROCESSOR_LOGGER = "io.opentelemetry.sdk.trace.export.BatchSpanProcessor";

    /** How the exporters begin a line about a failed span export. */
    static final String SPAN_EXPORT_FAILURE = "Failed to export spans";

    /** How the exporters begin a line about a failed log record export. */
    static final String LOG_EXPORT_FAILURE = "Failed to export logs";

    /** How the batch span processor (SDK 1.62 and later) begins a line about spans its full queue dropped. */
    static final String SPAN_QUEUE_DROPS = "BatchSpanProcessor dropped";

    /** How the SDK's throttling logger begins the notice it writes, just before the line it throttles from then on. */
    static final String THROTTLE_NOTICE = "Too many log messages detected";

    private final ExportAccount account;

    private final List<String> loggerNames;

    private final List<String> leftOut;

    /** Strong references: java.util.logging forgets a logger, and its filter, once nothing else refers to it. */
    private final List<Logger> loggers;

    private final List<@Nullable Filter> previous = new ArrayList<>();

    private final ThreadLocal<@Nullable LogRecord> heldNotice = new ThreadLocal<>();

    /** A notice on its way out, after the line it announces passed: every filter of this kind lets it through. */
    private static final ThreadLocal<@Nullable LogRecord> RELEASING = new ThreadLocal<>();

    private SdkExportLogFilter(ExportAccount account, List<String> loggerNames, List<String> leftOut) {
        this.account = account;
        this.loggerNames = loggerNames;
        this.leftOut = leftOut;
        this.loggers = loggerNames.stream().map(Logger::getLogger).toList();
    }

    /**
     * @param account the account the traces adapter's exporters record their results in, and report failures from
     * @return a filter for the lines about failed span exports and spans the batch processor dropped
     */
    static SdkExportLogFilter forSpans(SpanExportAccount account) {
        List<String> loggers = new ArrayList<>(EXPORTER_LOGGERS);
        loggers.add(BATCH_SPAN_PROCESSOR_LOGGER);
        return new SdkExportLogFilter(account, List.copyOf(loggers), List.of(SPAN_EXPORT_FAILURE, SPAN_QUEUE_DROPS));
    }

    /**
     * @param account the account the logs adapter's exporters record their results in, and report failures from
     * @return a filter for the lines about failed log record exports
     */
    static SdkExportLogFilter forLogs(LogExportAccount account) {
        return new SdkExportLogFilter(account, EXPORTER_LOGGERS, List.of(LOG_EXPORT_FAILURE));
    }

    @Override
    public void afterPropertiesSet() {
        for (Logger logger : this.loggers) {
            this.previous.add(logger.getFilter());
            logger.setFilter(this);
        }
    }

    @Override
    public void destroy() {
        for (int i = 0; i < this.loggers.size(); i++) {
            Logger logger = this.loggers.get(i);
            if (logger.getFilter() == this) {
                logger.setFilter(this.previous.get(i));
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (RELEASING.get() == record) {
            return passesPrevious(record);
        }
        String message = String.valueOf(record.getMessage());
        if (message.startsWith(THROTTLE_NOTICE)) {
            this.heldNotice.set(record);
            return false;
        }
        LogRecord notice = this.heldNotice.get();
        this.heldNotice.remove();
        if (isLeftOut(message) && this.account.hasExporters()) {
            return false;
        }
        boolean passes = passesPrevious(record);
        if (passes && notice != null) {
            release(notice);
        }
        return passes;
    }

    private boolean isLeftOut(String message) {
        for (String prefix : this.leftOut) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void release(LogRecord notice) {
        RELEASING.set(notice);
        try {
            Logger.getLogger(notice.getLoggerName()).log(notice);
        }
        finally {
            RELEASING.remove();
        }
    }

    private boolean passesPrevious(LogRecord record) {
        int index = this.loggerNames.indexOf(record.getLoggerName());
        Filter filter = (index >= 0 && index < this.previous.size()) ? this.previous.get(index) : null;
        return filter == null || filter.isLoggable(record);
    }
}
