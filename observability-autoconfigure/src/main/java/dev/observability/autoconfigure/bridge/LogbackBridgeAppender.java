package dev.observability.autoconfigure.bridge;

import java.util.Map;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.observability.autoconfigure.adapter.LogbackNative;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.ObservabilityAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback appender on the root logger that hands each of the application's log events to the manager's logging
 * adapters once ({@link ObservabilityManager#dispatchLog}), next to Boot's console and file appenders, which print
 * every event themselves. The library's own lines (a lane's failure report) are handed over too; a lane refuses what
 * would re-enter it (the failing adapter never receives its own report). The event's fields are its SLF4J
 * key-value pairs and its MDC (without the trace ids, which the event carries as its span: the manager's current
 * span, the same one the MDC shows). Adapters whose backend receives Logback's events by itself
 * ({@link LogbackNative}) are left out while they say so.
 */
public final class LogbackBridgeAppender extends AppenderBase<ILoggingEvent> {

    /** The appender's name on the root logger. */
    public static final String NAME = "OBSERVABILITY_BRIDGE";

    private static final Predicate<ObservabilityAdapter> NOT_NATIVE = LogbackBridgeAppender::needsTheBridge;

    private final ObservabilityManager manager;

    /** @param manager the manager whose logging lanes receive the events */
    public LogbackBridgeAppender(ObservabilityManager manager) {
        this.manager = manager;
        setName(NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogLevel level = toLevel(event.getLevel());
        if (!level.isAtLeast(this.manager.minimumLevel())) {
            return;
        }
        this.manager.dispatchLog(new LogEvent(event.getInstant(), level, event.getLoggerName(), event.getThreadName(),
                event.getFormattedMessage(), fieldsOf(event), errorOf(event), this.manager.currentSpanContext()),
                NOT_NATIVE);
    }

    private static boolean needsTheBridge(ObservabilityAdapter adapter) {
        return !(adapter instanceof LogbackNative logbackNative) || !logbackNative.receivesLogbackEvents();
    }

    private static LogLevel toLevel(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> LogLevel.ERROR;
            case Level.WARN_INT -> LogLevel.WARN;
            case Level.INFO_INT -> LogLevel.INFO;
            case Level.DEBUG_INT -> LogLevel.DEBUG;
            default -> LogLevel.TRACE;
        };
    }

    private static Fields fieldsOf(ILoggingEvent event) {
        Fields fields = Fields.empty();
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                if (!"traceId".equals(entry.getKey()) && !"spanId".equals(entry.getKey())) {
                    fields = fields.with(entry.getKey(), entry.getValue());
                }
            }
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                fields = fields.with(pair.key, pair.value);
            }
        }
        return fields;
    }

    private static @Nullable Throwable errorOf(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return (proxy instanceof ThrowableProxy throwable) ? throwable.getThrowable() : null;
    }
}
