package dev.observability.autoconfigure.opentelemetry.logs;

import java.util.Iterator;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Looks for OpenTelemetry's Logback appender on every logger of the application's Logback context, also inside
 * appenders that hold others (such as Logback's {@code AsyncAppender}), by class name: the appender's library is not
 * needed. Only a started appender counts, since a stopped one receives nothing. Checked when the adapter is made and
 * again on each health cycle.
 */
final class LogbackOpenTelemetryAppenderPresence implements OpenTelemetryAppenderPresence {

    private volatile boolean attached;

    LogbackOpenTelemetryAppenderPresence() {
        recheck();
    }

    @Override
    public boolean attached() {
        return this.attached;
    }

    @Override
    public void recheck() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        this.attached = (factory instanceof LoggerContext context)
                && context.getLoggerList().stream().anyMatch(LogbackOpenTelemetryAppenderPresence::holdsOne);
    }

    private static boolean holdsOne(AppenderAttachable<ILoggingEvent> holder) {
        for (Iterator<Appender<ILoggingEvent>> appenders = holder.iteratorForAppenders(); appenders.hasNext();) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender.isStarted() && (isOpenTelemetrys(appender.getClass())
                    || (appender instanceof AppenderAttachable<?> && holdsOne(attachable(appender))))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static AppenderAttachable<ILoggingEvent> attachable(Appender<ILoggingEvent> appender) {
        return (AppenderAttachable<ILoggingEvent>) appender;
    }

    private static boolean isOpenTelemetrys(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (candidate.getName().equals(APPENDER_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
