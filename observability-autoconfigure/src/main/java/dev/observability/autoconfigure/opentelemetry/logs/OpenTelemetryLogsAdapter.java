package dev.observability.autoconfigure.opentelemetry.logs;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.observability.autoconfigure.adapter.LogbackNative;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.FieldAttributes;
import dev.observability.autoconfigure.opentelemetry.SdkExportingAdapter;
import dev.observability.autoconfigure.opentelemetry.SpanContexts;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;

/**
 * The OpenTelemetry logs adapter, named {@value #NAME}: emits each log event it receives (the application's Logback
 * events through the Logback bridge, the manager's own) as a log record of the application's SDK (Boot's
 * {@code SdkLoggerProvider}, exporting with {@code management.opentelemetry.logging.export.*}; never a second SDK),
 * which batches and exports it in the background. A record carries the event's time, severity, message as its body,
 * logger name as its instrumentation scope, the thread ({@code thread.name}), the exception
 * ({@code exception.type}, {@code exception.message}, {@code exception.stacktrace}), the fields (key-value pairs
 * and MDC, already redacted by the manager) as attributes, and the ids of the span that was current when the event
 * was logged, which the event carries: never the span current where the adapter runs.
 * <p>
 * The emit only touches the SDK's memory, so the lane calls the adapter {@code INLINE}. Its health follows the
 * logs' {@link ExportOutcomes}. It is {@link LogbackNative} while OpenTelemetry's own Logback appender is attached: the
 * application's Logback events then reach the SDK through that appender, and the bridge does not hand them to this
 * adapter, so each event leaves once.
 */
public final class OpenTelemetryLogsAdapter extends SdkExportingAdapter implements LoggingAdapter, LogbackNative {

    /** The adapter's name. */
    public static final String NAME = "opentelemetry-logs";

    static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

    static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

    static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    private final LoggerProvider loggers;

    private final OpenTelemetryAppenderPresence appender;

    /**
     * @param loggers the logs bridge of the application's SDK
     * @param exports what the SDK's log record exporters exported ({@link ExportOutcomes#ofLogRecords})
     */
    public OpenTelemetryLogsAdapter(LoggerProvider loggers, ExportOutcomes exports) {
        this(loggers, exports, OpenTelemetryAppenderPresence.NONE);
    }

    OpenTelemetryLogsAdapter(LoggerProvider loggers, ExportOutcomes exports, OpenTelemetryAppenderPresence appender) {
        super(NAME, exports);
        this.loggers = loggers;
        this.appender = appender;
    }

    @Override
    public boolean receivesLogbackEvents() {
        return this.appender.attached();
    }

    /**
     * @return the health of the SDK's exports: {@code DOWN} with the reason while the last export failed; the record
     * counts and whether OpenTelemetry's Logback appender carries the Logback events are details
     */
    @Override
    public AdapterHealth health() {
        this.appender.recheck();
        return super.health().withDetail("opentelemetry_logback_appender", this.appender.attached());
    }

    @Override
    public void log(LogEvent event) {
        LogRecordBuilder record = this.loggers.get(event.logger())
            .logRecordBuilder()
            .setTimestamp(event.timestamp())
            .setContext(SpanContexts.onlyWith(event.span()))
            .setSeverity(severityOf(event.level()))
            .setSeverityText(event.level().name())
            .setBody(event.message())
            .setAttribute(THREAD_NAME, event.thread());
        FieldAttributes.write(event.fields(), record::setAttribute);
        Throwable error = event.error();
        if (error != null) {
            record.setAttribute(EXCEPTION_TYPE, error.getClass().getName());
            String message = error.getMessage();
            if (message != null) {
                record.setAttribute(EXCEPTION_MESSAGE, message);
            }
            record.setAttribute(EXCEPTION_STACKTRACE, stackTraceOf(error));
        }
        record.emit();
    }

    static Severity severityOf(LogLevel level) {
        return switch (level) {
            case TRACE -> Severity.TRACE;
            case DEBUG -> Severity.DEBUG;
            case INFO -> Severity.INFO;
            case WARN -> Severity.WARN;
            case ERROR -> Severity.ERROR;
        };
    }

    private static String stackTraceOf(Throwable error) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            error.printStackTrace(writer);
        }
        return text.toString();
    }
}
