package dev.observability.core;

import java.util.function.Predicate;

import dev.observability.core.internal.dispatch.DetailDelivery;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.SpanContext;

/**
 * The way in for a bridge from the host's logging framework (see {@link ObservabilityManager#logBridge}): it hands
 * each of the framework's events as it is, with the span current on the calling thread, to the logging lane of each
 * adapter the bridge accepts, and each lane turns it into a {@link LogEvent} with the bridge's {@link LogEventReader}
 * where it delivers it, then applies the manager's limits and redaction. So a log line costs the application's thread
 * the signal switch, the level check, the filter and one queue slot per ASYNC logging lane, and allocates nothing
 * there; on an INLINE lane the reading runs on the caller's thread. A value cut to the limits is counted once per
 * logging adapter that receives it.
 *
 * @param <E> the framework's event type
 */
public final class LogBridge<E> {

    private final ObservabilityManager manager;

    private final DetailDelivery<LoggingAdapter, E, SpanContext> delivery;

    private final Predicate<? super ObservabilityAdapter> accepts;

    LogBridge(ObservabilityManager manager, LogEventReader<E> reader, Predicate<? super ObservabilityAdapter> accepts) {
        this.manager = manager;
        this.accepts = accepts;
        this.delivery = (adapter, source, span) -> adapter.log(manager.prepared(reader.read(source, span)));
    }

    /**
     * Whether an event of this level would reach a lane now: logging is on, the level is at least the manager's
     * minimum, and a logging adapter the bridge accepts is registered (switched on or off: a switched-off adapter
     * counts what it refuses). A bridge asks first when readying an event for the lanes costs something on the
     * logging thread, so that an application without such an adapter pays nothing for it.
     * @param level the event's level
     * @return whether {@link #dispatch} would hand an event of this level to a lane
     */
    public boolean reachesALane(LogLevel level) {
        return this.manager.bridgedLogReachesALane(level, this.accepts);
    }

    /**
     * Hands one event to the logging lanes, unless logging is switched off or the level is below the manager's
     * minimum. The event must not change afterwards: the lanes read it later, on their own threads.
     * @param source the framework's event
     * @param level its level
     */
    public void dispatch(E source, LogLevel level) {
        this.manager.dispatchBridged(source, level, this.delivery, this.accepts);
    }
}
