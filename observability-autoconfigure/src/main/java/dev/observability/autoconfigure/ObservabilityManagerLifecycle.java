package dev.observability.autoconfigure;

import dev.observability.autoconfigure.logging.ManagerSpans;
import dev.observability.core.ObservabilityManager;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the manager with the application context and closes it, draining the lanes' queues, when the context
 * closes. Its phase is below the web server's: the manager starts before the server takes requests and closes only
 * after the server has drained its requests (graceful shutdown) and stopped, so the telemetry of the last requests
 * is delivered. While it runs, the console's JSON lines show the ids of its current span ({@link ManagerSpans}).
 * <p>
 * A manager cannot start again once closed, so a mere {@code stop()} of a context that is not closing (Spring's
 * test framework pauses cached contexts that way and starts them again later) leaves the manager running.
 */
public final class ObservabilityManagerLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    /**
     * The phase: below Boot's graceful shutdown ({@code Integer.MAX_VALUE - 1024}) and web server
     * ({@code Integer.MAX_VALUE - 2048}) phases.
     */
    public static final int PHASE = Integer.MAX_VALUE - 3072;

    private final ObservabilityManager manager;

    private volatile boolean running;

    private volatile boolean contextClosing;

    /** @param manager the manager to start and close */
    public ObservabilityManagerLifecycle(ObservabilityManager manager) {
        this.manager = manager;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        this.contextClosing = true;
    }

    @Override
    public void start() {
        this.manager.start();
        ManagerSpans.started(this.manager);
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        if (this.contextClosing) {
            this.manager.close();
            ManagerSpans.stopped(this.manager);
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
