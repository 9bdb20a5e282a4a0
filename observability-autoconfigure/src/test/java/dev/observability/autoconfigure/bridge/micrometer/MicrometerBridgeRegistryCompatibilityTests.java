package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.tck.MeterRegistryCompatibilityKit;

/**
 * Micrometer's own compatibility kit, run against the bridge registry: its meters behave like any registry's.
 */
class MicrometerBridgeRegistryCompatibilityTests extends MeterRegistryCompatibilityKit {

    @Override
    public MeterRegistry registry() {
        return new MicrometerBridgeRegistry(new MockClock(), Duration.ofMinutes(1));
    }

    @Override
    public Duration step() {
        return Duration.ofMinutes(1);
    }
}
