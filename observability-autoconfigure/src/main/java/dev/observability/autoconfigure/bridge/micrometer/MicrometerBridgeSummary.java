package dev.observability.autoconfigure.bridge.micrometer;

import dev.observability.core.metrics.HistogramHandle;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.cumulative.CumulativeDistributionSummary;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * A cumulative distribution summary that also hands each recorded (scaled) value to the bridged adapters as a
 * histogram value.
 */
final class MicrometerBridgeSummary extends CumulativeDistributionSummary {

    private final MicrometerBridgeHandle<HistogramHandle> handle;

    MicrometerBridgeSummary(Id id, Clock clock, DistributionStatisticConfig config, double scale,
            MicrometerBridgeHandle<HistogramHandle> handle) {
        super(id, clock, config, scale, false);
        this.handle = handle;
    }

    @Override
    protected void recordNonNegative(double amount) {
        super.recordNonNegative(amount);
        HistogramHandle target = this.handle.get();
        if (target != null) {
            target.record(amount);
        }
    }
}
