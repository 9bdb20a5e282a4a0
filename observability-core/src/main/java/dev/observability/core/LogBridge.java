package dev.observability.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.DetailDelivery;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * The way in for a bridge from the host's logging framework (see {@link ObservabilityManager#logBridge}): it hands
 * each of the framework's events as it is, with the span current on the calling thread, to the logging lane of each
 * adapter its {@link BridgeGate} lets through, and each lane turns it into a {@link LogEvent} with the bridge's
 * {@link LogEventReader} where it delivers it, then applies the manager's limits and redaction. So a log line costs
 * the application's thread the signal switch, the level check and one queue slot per ASYNC logging lane, and
 * allocates nothing there; on an INLINE lane the reading runs on the caller's thread. The gate's answers are kept
 * until the set of logging adapters changes. A value cut to the limits is counted once per logging adapter that
 * receives it.
 *
 * @param <E> the framework's event type
 */
public final class LogBridge<E> {

    private static final System.Logger LOGGER = System.getLogger(LogBridge.class.getName());

    private final ObservabilityManager manager;

    private final DetailDelivery<LoggingAdapter, E, SpanContext> delivery;

    private final BridgeGate gate;

    private volatile Route route = Route.NONE;

    LogBridge(ObservabilityManager manager, LogEventReader<E> reader, BridgeGate gate) {
        this.manager = manager;
        this.gate = gate;
        this.delivery = (adapter, source, span) -> adapter.log(manager.prepared(reader.read(source, span)));
    }

    /**
     * Whether an event of this level would reach a lane now: logging is on, the level is at least the manager's
     * minimum, and the gate lets through a registered logging adapter (switched on or off: a switched-off adapter
     * counts what it refuses). A bridge asks first when readying an event for the lanes costs something on the
     * logging thread, so that an application without such an adapter pays nothing for it.
     * @param level the event's level
     * @return whether {@link #dispatch} would hand an event of this level to a lane
     */
    public boolean reachesALane(LogLevel level) {
        return this.manager.admitsBridgedLog(level) && route().reachesALane();
    }

    /**
     * Hands one event to the logging lanes, unless logging is switched off or the level is below the manager's
     * minimum. The event must not change afterwards: the lanes read it later, on their own threads.
     * @param source the framework's event
     * @param level its level
     */
    public void dispatch(E source, LogLevel level) {
        if (!this.manager.admitsBridgedLog(level)) {
            return;
        }
        Route now = route();
        if (now.lanes.length == 0) {
            return;
        }
        SpanContext span = this.manager.currentSpanContext();
        for (int i = 0; i < now.lanes.length; i++) {
            if (now.opens(i)) {
                now.lanes[i].submit(Signal.LOGGING, this.delivery, source, span);
            }
        }
    }

    /** The route for the logging lanes now: the one kept while they are the same lanes, else a new one. */
    private Route route() {
        AdapterLane[] lanes = this.manager.loggingLanes();
        Route kept = this.route;
        if (kept.source == lanes) {
            return kept;
        }
        Route fresh = Route.through(lanes, this.gate);
        this.route = fresh;
        return fresh;
    }

    /**
     * The lanes the gate lets through, from one array of the registry's logging lanes, each with the condition asked
     * per event ({@code null}: none, it always receives).
     */
    private static final class Route {

        static final Route NONE = new Route(new AdapterLane[0], new AdapterLane[0], new BooleanSupplier[0]);

        final AdapterLane[] source;

        final AdapterLane[] lanes;

        final @Nullable BooleanSupplier[] conditions;

        private Route(AdapterLane[] source, AdapterLane[] lanes, @Nullable BooleanSupplier[] conditions) {
            this.source = source;
            this.lanes = lanes;
            this.conditions = conditions;
        }

        static Route through(AdapterLane[] source, BridgeGate gate) {
            List<AdapterLane> lanes = new ArrayList<>(source.length);
            List<@Nullable BooleanSupplier> conditions = new ArrayList<>(source.length);
            for (AdapterLane lane : source) {
                BooleanSupplier condition = ask(gate, lane);
                if (condition != BridgeGate.NEVER) {
                    lanes.add(lane);
                    conditions.add((condition == BridgeGate.ALWAYS) ? null : condition);
                }
            }
            return new Route(source, lanes.toArray(new AdapterLane[0]),
                    conditions.toArray(new BooleanSupplier[0]));
        }

        /** The gate's answer for a lane's adapter; a gate that fails or answers nothing lets every event through. */
        private static BooleanSupplier ask(BridgeGate gate, AdapterLane lane) {
            RuntimeException failure = null;
            try {
                BooleanSupplier condition = gate.forAdapter(lane.adapter());
                if (condition != null) {
                    return condition;
                }
            }
            catch (RuntimeException ex) {
                failure = ex;
            }
            LOGGER.log(Level.WARNING, "The log bridge's gate " + ((failure != null) ? "failed" : "gave no answer")
                    + " for adapter '" + lane.name() + "'; it receives every event", failure);
            return BridgeGate.ALWAYS;
        }

        /** Whether the lane at this index takes the event; a condition that fails lets it through. */
        boolean opens(int index) {
            BooleanSupplier condition = this.conditions[index];
            if (condition == null) {
                return true;
            }
            try {
                return condition.getAsBoolean();
            }
            catch (RuntimeException ex) {
                return true;
            }
        }

        boolean reachesALane() {
            for (int i = 0; i < this.lanes.length; i++) {
                if (opens(i)) {
                    return true;
                }
            }
            return false;
        }
    }
}
