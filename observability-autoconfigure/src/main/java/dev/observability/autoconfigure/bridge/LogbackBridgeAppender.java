package dev.observability.autoconfigure.bridge;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.observability.core.Fields;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.logging.LogEvent;
import dev.observability.core.logging.LogLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback appender on the root logger that hands each of the application's log events to the manager's logging
 * adapters, the JSON logger included, once. Events of the library's own loggers ({@code dev.observability.core},
 * {@code dev.observability.autoconfigure}: the lanes' failure log, the shutdown summary) and events logged while an
 * adapter is being called on this thread are not handed over, so nothing an adapter causes can loop back to it.
 * The event's fields are its SLF4J key-value pairs and its MDC (without the trace ids, which the event carries as
 * its span: the manager's current span, the same one the MDC shows).
 */
public final class LogbackBridgeAppender extends AppenderBase<ILoggingEvent> {

    /** The appender's name on the root logger. */
    public static final String NAME = "OBSERVABILITY_BRIDGE";

    private static final String[] OWN_LOGGERS = { "dev.observability.core", "dev.observability.autoconfigure" };

    private final ObservabilityManager manager;

    private final ThreadLocal<Boolean> handing = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** @param manager the manager whose logging lanes receive the events */
    public LogbackBridgeAppender(ObservabilityManager manager) {
        this.manager = manager;
        setName(NAME);
    }

    /**
     * @param event a log event
     * @return whether this appender hands the event to the manager, which logs it (its level is at least the
     * manager's minimum)
     */
    boolean delivers(ILoggingEvent event) {
        return isStarted() && !this.handing.get() && !isOwnLogger(event.getLoggerName())
                && toLevel(event.getLevel()).isAtLeast(this.manager.minimumLevel());
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!delivers(event)) {
            return;
        }
        this.handing.set(Boolean.TRUE);
        try {
            this.manager.log(new LogEvent(event.getInstant(), toLevel(event.getLevel()), event.getLoggerName(),
                    event.getThreadName(), event.getFormattedMessage(), fieldsOf(event), errorOf(event),
                    this.manager.currentSpanContext()));
        }
        finally {
            this.handing.set(Boolean.FALSE);
        }
    }

    private static boolean isOwnLogger(@Nullable String logger) {
        if (logger == null) {
            return false;
        }
        for (String own : OWN_LOGGERS) {
            if (logger.startsWith(own) && (logger.length() == own.length() || logger.charAt(own.length()) == '.')) {
                return true;
            }
        }
        return false;
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
