package dev.observability.autoconfigure.bridge.micrometer;

import dev.observability.core.metrics.CounterHandle;
import io.micrometer.core.instrument.cumulative.CumulativeCounter;

/**
 * A cumulative counter that also hands each increment to the bridged adapters.
 */
final class MicrometerBridgeCounter extends CumulativeCounter {

    private final MicrometerBridgeHandle<CounterHandle> handle;

    MicrometerBridgeCounter(Id id, MicrometerBridgeHandle<CounterHandle> handle) {
        super(id);
        this.handle = handle;
    }

    @Override
    public void increment(double amount) {
        super.increment(amount);
        CounterHandle target = this.handle.get();
        if (target != null) {
            target.increment(amount);
        }
    }
}
