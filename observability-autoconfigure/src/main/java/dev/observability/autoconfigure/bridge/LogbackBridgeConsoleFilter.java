package dev.observability.autoconfigure.bridge;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.observability.core.dispatch.AdapterLane;

/**
 * Put on Boot's console appender while the bridge runs and the JSON logger writes to standard output: an event the
 * bridge hands to the JSON logger is not also printed as a plain line, so each event appears once on the console.
 * Events the bridge does not hand over (the library's own, those below the manager's minimum level) and every event
 * while the JSON logger is switched off still print as plain lines.
 */
final class LogbackBridgeConsoleFilter extends Filter<ILoggingEvent> {

    private final LogbackBridgeAppender bridge;

    private final AdapterLane jsonLogger;

    LogbackBridgeConsoleFilter(LogbackBridgeAppender bridge, AdapterLane jsonLogger) {
        this.bridge = bridge;
        this.jsonLogger = jsonLogger;
        setName("observability-json-replaces-console");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return (this.jsonLogger.isEnabled() && this.bridge.delivers(event)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
