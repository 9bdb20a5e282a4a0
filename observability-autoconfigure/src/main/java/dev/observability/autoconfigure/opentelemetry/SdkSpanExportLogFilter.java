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
 * Leaves the OpenTelemetry SDK's own log lines about failed span exports out of the application log, because the
 * adapter reports those failures itself, at most once per {@code observability.dispatch.failure-log-interval}, and
 * shows them in its health. The SDK's OTLP exporters log every failed export through java.util.logging (five lines
 * in the first minute, then one a minute, whatever the interval the application chose), under the loggers of its
 * HTTP and gRPC exporters, which every signal shares: only lines about <em>spans</em> are left out, and only while
 * the adapter wraps the application's span exporters (Boot's SDK, or its own); failures of other signals' exporters
 * (metrics, logs) and every other line still show. The SDK's notice that it throttles its log is left out when it
 * announces a span line, and shown otherwise. From SDK 1.62 (Boot 4.1) the batch span processor also logs, after
 * each export, how many spans its full queue dropped since the last one; those lines are left out too, since the
 * adapter's account counts the same spans ({@code spans.dropped_or_queued} in its health).
 * <p>
 * It joins whatever filter the loggers had, and gives it back when the application context closes. Off with
 * {@code observability.opentelemetry.replace-exporter-log=false}.
 */
final class SdkSpanExportLogFilter implements Filter, InitializingBean, DisposableBean {

    /**
     * The loggers of the SDK's OTLP exporters (one per transport, shared by every signal) and of its batch span
     * processor.
     */
    static final List<String> EXPORTER_LOGGERS = List.of("io.opentelemetry.exporter.internal.http.HttpExporter",
            "io.opentelemetry.exporter.internal.grpc.GrpcExporter",
            "io.opentelemetry.sdk.trace.export.BatchSpanProcessor");

    /** How the exporters begin a line about a failed span export. */
    static final String SPAN_EXPORT_FAILURE = "Failed to export spans";

    /** How the batch span processor (SDK 1.62 and later) begins a line about spans its full queue dropped. */
    static final String SPAN_QUEUE_DROPS = "BatchSpanProcessor dropped";

    /** How the SDK's throttling logger begins the notice it writes, just before the line it throttles from then on. */
    static final String THROTTLE_NOTICE = "Too many log messages detected";

    private final SpanExportAccount account;

    /** Strong references: java.util.logging forgets a logger, and its filter, once nothing else refers to it. */
    private final List<Logger> loggers = EXPORTER_LOGGERS.stream().map(Logger::getLogger).toList();

    private final List<@Nullable Filter> previous = new ArrayList<>();

    private final ThreadLocal<@Nullable LogRecord> heldNotice = new ThreadLocal<>();

    private final ThreadLocal<@Nullable LogRecord> releasing = new ThreadLocal<>();

    /** @param account the account the adapter's exporters record their results in, and report failures from */
    SdkSpanExportLogFilter(SpanExportAccount account) {
        this.account = account;
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
        if (this.releasing.get() == record) {
            return passesPrevious(record);
        }
        String message = String.valueOf(record.getMessage());
        if (message.startsWith(THROTTLE_NOTICE)) {
            this.heldNotice.set(record);
            return false;
        }
        LogRecord notice = this.heldNotice.get();
        this.heldNotice.remove();
        if ((message.startsWith(SPAN_EXPORT_FAILURE) || message.startsWith(SPAN_QUEUE_DROPS))
                && this.account.hasExporters()) {
            return false;
        }
        if (notice != null) {
            release(notice);
        }
        return passesPrevious(record);
    }

    private void release(LogRecord notice) {
        this.releasing.set(notice);
        try {
            Logger.getLogger(notice.getLoggerName()).log(notice);
        }
        finally {
            this.releasing.remove();
        }
    }

    private boolean passesPrevious(LogRecord record) {
        int index = EXPORTER_LOGGERS.indexOf(record.getLoggerName());
        Filter filter = (index >= 0 && index < this.previous.size()) ? this.previous.get(index) : null;
        return filter == null || filter.isLoggable(record);
    }
}
