package dev.observability.core.internal.logging;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.observability.core.bridge.BridgeGate;
import dev.observability.core.bridge.LogBridge;
import dev.observability.core.bridge.LogEventReader;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.DetailDelivery;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LogBridge} that hands each of the framework's events to the logging lanes its {@link BridgeGate} lets
 * through, and allocates nothing on the application's thread: each lane reads the event into a {@link LogEvent} where
 * it delivers it, then the recorder cuts it to the limits and masks it. The gate's answers are kept until the set of
 * logging adapters changes.
 *
 * @param <E> the framework's event type
 */
final class GatedLogBridge<E> implements LogBridge<E> {

    private static final System.Logger LOGGER = System.getLogger(LogBridge.class.getName());

    private final LogRecorder recorder;

    private final DetailDelivery<LoggingAdapter, E, SpanContext> delivery;

    private final BridgeGate gate;

    private volatile Route route = Route.NONE;

    GatedLogBridge(LogRecorder recorder, LogEventReader<E> reader, BridgeGate gate) {
        this.recorder = recorder;
        this.gate = gate;
        this.delivery = (adapter, source, span) -> adapter.log(recorder.prepared(reader.read(source, span)));
    }

    @Override
    public boolean reachesALane(LogLevel level) {
        return this.recorder.admits(level) && route().reachesALane();
    }

    @Override
    public void dispatch(E source, LogLevel level) {
        if (!this.recorder.admits(level)) {
            return;
        }
        Route now = route();
        if (now.lanes.length == 0) {
            return;
        }
        SpanContext span = this.recorder.currentSpan();
        for (int i = 0; i < now.lanes.length; i++) {
            if (now.opens(i)) {
                now.lanes[i].submit(Signal.LOGGING, this.delivery, source, span);
            }
        }
    }

    /** The route for the logging lanes now: the one kept while they are the same lanes, else a new one. */
    private Route route() {
        AdapterLane[] lanes = this.recorder.lanes();
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
