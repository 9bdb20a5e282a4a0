package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes lanes as the registry does, and stops after each test the lanes a test made, so no worker thread outlives
 * its test ({@code @RegisterExtension}).
 */
final class StartedLanes implements AfterEachCallback {

    private final List<AdapterLane> lanes = new ArrayList<>();

    /**
     * A lane as the registry makes it, with a standalone breaker, the default redaction and a failure log of one
     * line a minute.
     * @param adapter the adapter
     * @param signals the signals it receives
     * @param settings the lane's settings
     * @return the lane, not started
     */
    static AdapterLane lane(ObservabilityAdapter adapter, Set<Signal> signals, LaneSettings settings) {
        return new AdapterLane(adapter, signals, settings, CircuitBreakerFactory.standalone(), Duration.ofMinutes(1),
                Redaction.defaults());
    }

    /**
     * @param lane a lane
     * @return the worker its ASYNC dispatcher queues to now, or {@code null} when it queues nowhere
     */
    static @Nullable LaneWorker worker(AdapterLane lane) {
        return (lane.dispatcher() instanceof AsyncDispatcher async) ? async.current() : null;
    }

    /**
     * @param lane an ASYNC lane
     * @return the worker it queues to now
     */
    static LaneWorker requireWorker(AdapterLane lane) {
        LaneWorker worker = worker(lane);
        assertThat(worker).as("the worker of an ASYNC lane").isNotNull();
        return worker;
    }

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
