package dev.observability.core.spi;

/**
 * How a lane calls its adapter.
 */
public enum DispatchMode {

    /**
     * On the caller's thread, behind the circuit breaker. For in-memory backends that never block: a Micrometer
     * registry, the OpenTelemetry SDK (which batches and exports on its own thread).
     */
    INLINE,

    /**
     * Through a bounded queue drained by the lane's own worker thread. The caller never waits; a full queue drops
     * the new event and counts it. The default for adapters the project did not write.
     */
    ASYNC
}
