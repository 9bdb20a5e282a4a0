package dev.observability.core.internal.health;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.Signal;

/**
 * The health signal's recorder: hands each report of the health cycle to every health lane, unless health is
 * switched off.
 */
public final class HealthRecorder {

    private final LaneRegistry lanes;

    /** @param lanes the lanes, with the signal switch */
    public HealthRecorder(LaneRegistry lanes) {
        this.lanes = lanes;
    }

    /** @param report a health cycle's report */
    public void publish(HealthReport report) {
        if (!this.lanes.isOn(Signal.HEALTH)) {
            return;
        }
        for (AdapterLane lane : this.lanes.healthLanes()) {
            lane.submit(Signal.HEALTH, (HealthAdapter adapter) -> adapter.report(report));
        }
    }
}
