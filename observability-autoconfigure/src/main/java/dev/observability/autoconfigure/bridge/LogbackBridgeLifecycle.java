package dev.observability.autoconfigure.bridge;

import java.util.Iterator;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.observability.autoconfigure.ObservabilityManagerLifecycle;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.AdapterLane;
import dev.observability.core.logging.JsonLoggingAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Attaches the {@link LogbackBridgeAppender} to Logback's root logger once the manager runs, and detaches it before
 * the manager stops. When the JSON logger writes to standard output and {@code replaceConsole} is on, Boot's console
 * appender gets a {@link LogbackBridgeConsoleFilter} so each event is printed once, as a JSON line.
 */
public final class LogbackBridgeLifecycle implements SmartLifecycle {

    private final ObservabilityManager manager;

    private final boolean replaceConsole;

    private @Nullable LogbackBridgeAppender appender;

    private @Nullable Logger root;

    /**
     * @param manager the manager the events go to
     * @param replaceConsole whether the JSON logger replaces Boot's console lines (it writes to standard output)
     */
    public LogbackBridgeLifecycle(ObservabilityManager manager, boolean replaceConsole) {
        this.manager = manager;
        this.replaceConsole = replaceConsole;
    }

    @Override
    public synchronized void start() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (this.appender != null || !(factory instanceof LoggerContext context)) {
            return;
        }
        LogbackBridgeAppender bridge = new LogbackBridgeAppender(this.manager);
        bridge.setContext(context);
        bridge.start();
        Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (this.replaceConsole) {
            jsonLoggerLane().ifPresent((lane) -> filterConsoles(rootLogger, bridge, lane));
        }
        rootLogger.addAppender(bridge);
        this.appender = bridge;
        this.root = rootLogger;
    }

    private Optional<AdapterLane> jsonLoggerLane() {
        return this.manager.lane(JsonLoggingAdapter.NAME).filter((lane) -> lane.adapter() instanceof JsonLoggingAdapter);
    }

    private static void filterConsoles(Logger root, LogbackBridgeAppender bridge, AdapterLane jsonLogger) {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && "System.out".equals(console.getTarget())) {
                LogbackBridgeConsoleFilter filter = new LogbackBridgeConsoleFilter(bridge, jsonLogger);
                filter.setContext(console.getContext());
                filter.start();
                console.addFilter(filter);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (this.appender != null && this.root != null) {
            this.root.detachAppender(this.appender);
            this.appender.stop();
        }
        this.appender = null;
        this.root = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return this.appender != null;
    }

    /** @return a phase just above the manager's: the bridge starts after it and stops before it */
    @Override
    public int getPhase() {
        return ObservabilityManagerLifecycle.PHASE + 1;
    }
}
