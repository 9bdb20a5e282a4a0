package dev.observability.autoconfigure.bridge.observation;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The reflection a native image needs for the Observation bridge: {@link ObservationBridgeTracingIds} looks
 * Micrometer Tracing up by class name, which finds it in a native image only when the type is registered. Registered
 * through {@code META-INF/spring/aot.factories}.
 */
final class ObservationBridgeRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerType(TypeReference.of(ObservationBridgeTracingIds.MICROMETER_TRACING));
    }
}
