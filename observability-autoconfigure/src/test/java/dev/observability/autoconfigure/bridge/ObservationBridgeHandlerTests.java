package dev.observability.autoconfigure.bridge;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import dev.observability.core.ObservabilityManager;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationBridgeHandlerTests {

    @Test
    void looksTheManagerUpUntilItExistsThenKeepsIt() {
        BridgeRecordingAdapter custom = new BridgeRecordingAdapter("custom");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(custom).build()) {
            LookUps lookUps = new LookUps();
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationBridgeHandler(lookUps, Clock.systemUTC()));
            Observation.createNotStarted("before", registry).start().stop();
            assertThat(lookUps.count.get()).as("looked up on start and stop while there is no manager").isEqualTo(2);
            lookUps.manager = manager;
            for (int i = 0; i < 10; i++) {
                Observation.createNotStarted("after", registry).start().stop();
            }
            assertThat(lookUps.count.get()).as("looked up once more, then kept").isEqualTo(3);
            assertThat(custom.spansNamed("after")).hasSize(10);
        }
    }

    /** A provider that counts its look-ups (Spring's resolves the dependency again on each). */
    private static final class LookUps implements ObjectProvider<ObservabilityManager> {

        final AtomicInteger count = new AtomicInteger();

        volatile ObservabilityManager manager;

        @Override
        public ObservabilityManager getIfAvailable() {
            this.count.incrementAndGet();
            return this.manager;
        }
    }
}
