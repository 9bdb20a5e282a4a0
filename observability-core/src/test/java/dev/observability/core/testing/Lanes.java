package dev.observability.core.testing;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.internal.dispatch.AdapterLane;

/**
 * Reaches an adapter's lane itself, for tests that look at its internals (its circuit breaker). The manager hands
 * out only a {@code LaneView}, which the lane implements.
 */
public final class Lanes {

    private Lanes() {
    }

    /**
     * @param manager a manager
     * @param adapter the name of one of its adapters
     * @return that adapter's lane
     */
    public static AdapterLane of(ObservabilityManager manager, String adapter) {
        return (AdapterLane) manager.controls().lane(adapter).orElseThrow();
    }
}
