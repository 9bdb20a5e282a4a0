package dev.observability.autoconfigure.logging;

import java.util.function.Consumer;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.LogEvent;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the events of the manager's {@code log(...)} calls into SLF4J (Boot's Logback), under the event's logger,
 * with its fields as key-value pairs and its exception as the cause: they show on Boot's console in its format, and
 * the Logback bridge hands each to the logging adapters once ({@link ObservabilityManager#logBridge}).
 */
public final class Slf4jLogOutput implements Consumer<LogEvent> {

    @Override
    public void accept(LogEvent event) {
        LoggingEventBuilder builder = LoggerFactory.getLogger(event.logger())
            .atLevel(level(event))
            .setMessage(event.message());
        for (String key : event.fields().keys()) {
            builder = builder.addKeyValue(key, event.fields().get(key));
        }
        Throwable error = event.error();
        if (error != null) {
            builder = builder.setCause(error);
        }
        builder.log();
    }

    private static Level level(LogEvent event) {
        return switch (event.level()) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR -> Level.ERROR;
        };
    }
}
