package dev.observability.core.bridge;

import java.util.function.BooleanSupplier;

import dev.observability.core.spi.ObservabilityAdapter;

/**
 * Which adapters a {@link LogBridge} hands the framework's events to. The bridge asks once for each adapter, when the
 * set of logging adapters changes, and keeps the answer; only an adapter whose answer is neither {@link #ALWAYS} nor
 * {@link #NEVER} is asked again, for each event, through the condition it was given. So a bridge pays nothing per
 * event for the type checks that choose its adapters, and an adapter whose backend receives the framework's events
 * by itself only at times (its own appender attached or not) still gets each event once. When in doubt the event
 * is delivered, not lost: a gate that throws or answers {@code null} lets every event through to that adapter (and
 * is logged), and so does a condition that throws.
 */
@FunctionalInterface
public interface BridgeGate {

    /** The adapter receives every event. */
    BooleanSupplier ALWAYS = () -> true;

    /** The adapter receives no event from the bridge. */
    BooleanSupplier NEVER = () -> false;

    /** @return a gate that hands every event to every logging adapter */
    static BridgeGate everyAdapter() {
        return (adapter) -> ALWAYS;
    }

    /**
     * @param adapter a logging adapter
     * @return {@link #ALWAYS}, {@link #NEVER}, or a condition asked for each event (keep it cheap: it runs on the
     * logging thread)
     */
    BooleanSupplier forAdapter(ObservabilityAdapter adapter);
}
