package dev.observability.autoconfigure;

import dev.observability.core.ObservabilityManager;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the manager with the application context and stops it, draining the lanes' queues, when the context closes.
 * Its phase is below the web server's: the manager starts before the server takes requests and stops only after
 * the server has drained its requests (graceful shutdown) and stopped, so the telemetry of the last requests is
 * delivered.
 */
public final class ObservabilityManagerLifecycle implements SmartLifecycle {

    /**
     * The phase: below Boot's graceful shutdown ({@code Integer.MAX_VALUE - 1024}) and web server
     * ({@code Integer.MAX_VALUE - 2048}) phases.
     */
    public static final int PHASE = Integer.MAX_VALUE - 3072;

    private final ObservabilityManager manager;

    /** @param manager the manager to start and stop */
    public ObservabilityManagerLifecycle(ObservabilityManager manager) {
        this.manager = manager;
    }

    @Override
    public void start() {
        this.manager.start();
    }

    @Override
    public void stop() {
        this.manager.close();
    }

    @Override
    public boolean isRunning() {
        return this.manager.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
