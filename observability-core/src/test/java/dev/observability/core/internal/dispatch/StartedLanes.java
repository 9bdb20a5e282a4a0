package dev.observability.core.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops after each test the lanes a test made, so no worker thread outlives its test
 * ({@code @RegisterExtension}).
 */
final class StartedLanes implements AfterEachCallback {

    private final List<AdapterLane> lanes = new ArrayList<>();

    /**
     * @param lane a lane, started or to be started by the test
     * @return the lane
     */
    AdapterLane add(AdapterLane lane) {
        this.lanes.add(lane);
        return lane;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        this.lanes.forEach((lane) -> lane.stop(System.nanoTime() + TimeUnit.SECONDS.toNanos(1)));
        this.lanes.clear();
    }
}
