package dev.observability.autoconfigure.bridge.micrometer;

import java.util.concurrent.TimeUnit;

import dev.observability.core.metrics.TimingHandle;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;

/**
 * A cumulative timer that also hands each recorded duration to the bridged adapters.
 */
final class MicrometerBridgeTimer extends CumulativeTimer {

    private final MicrometerBridgeHandle<TimingHandle> handle;

    MicrometerBridgeTimer(Id id, Clock clock, DistributionStatisticConfig config, PauseDetector pauseDetector,
            TimeUnit baseTimeUnit, MicrometerBridgeHandle<TimingHandle> handle) {
        super(id, clock, config, pauseDetector, baseTimeUnit, false);
        this.handle = handle;
    }

    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {
        super.recordNonNegative(amount, unit);
        TimingHandle target = this.handle.get();
        if (target != null) {
            target.record(amount, unit);
        }
    }
}
