package dev.observability.autoconfigure.bridge.observation;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationBridgeRuntimeHintsTests {

    @Test
    void letsTheBridgeFindMicrometerTracingByName() {
        RuntimeHints hints = new RuntimeHints();
        new ObservationBridgeRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.reflection().onType(TracingObservationHandler.class)).accepts(hints);
    }
}
