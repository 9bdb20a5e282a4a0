package dev.observability.autoconfigure.bridge.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.observability.autoconfigure.ObservabilityManagerLifecycle;
import dev.observability.core.ObservabilityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Attaches the {@link LogbackBridgeAppender} to Logback's root logger once the manager runs, and detaches it before
 * the manager stops. Boot's own appenders are left as they are.
 */
public final class LogbackBridgeLifecycle implements SmartLifecycle {

    private final ObservabilityManager manager;

    private @Nullable LogbackBridgeAppender appender;

    private @Nullable Logger root;

    /** @param manager the manager the events go to */
    public LogbackBridgeLifecycle(ObservabilityManager manager) {
        this.manager = manager;
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
        rootLogger.addAppender(bridge);
        this.appender = bridge;
        this.root = rootLogger;
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
