package dev.observability.core.bridge;

import dev.observability.core.spi.LogLevel;

/**
 * The way in for a bridge from the host's logging framework, made by
 * {@link dev.observability.core.ObservabilityManager#logBridge}: it hands each of the framework's events as it is,
 * with the span current on the calling thread, to the logging lane of each adapter its {@link BridgeGate} lets
 * through, never to the manager's log output, so an event the output writes into the framework and the bridge hands
 * back reaches each adapter once. Each lane turns the event into a {@code LogEvent} with the bridge's
 * {@link LogEventReader} where it delivers it, then applies the manager's limits and redaction; so a log line costs
 * the application's thread the signal switch, the level check and one queue slot per ASYNC logging lane, and a value
 * cut to the limits is counted once per logging adapter that receives it. Neither method throws or blocks.
 *
 * @param <E> the framework's event type
 */
public interface LogBridge<E> {

    /**
     * Whether an event of this level would reach a lane now: logging is on, the level is at least the manager's
     * minimum, and the gate lets through a registered logging adapter (switched on or off: a switched-off adapter
     * counts what it refuses). A bridge asks first when readying an event for the lanes costs something on the
     * logging thread, so that an application without such an adapter pays nothing for it.
     * @param level the event's level
     * @return whether {@link #dispatch} would hand an event of this level to a lane
     */
    boolean reachesALane(LogLevel level);

    /**
     * Hands one event to the logging lanes, unless logging is switched off or the level is below the manager's
     * minimum. The event must not change afterwards: the lanes read it later, on their own threads.
     * @param source the framework's event
     * @param level its level
     */
    void dispatch(E source, LogLevel level);
}
