package dev.observability.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The reflection a native image needs for the core: a managed span records its operations through a
 * {@code VarHandle} on its own field, which a native image finds only when the field is registered. Registered through
 * {@code META-INF/spring/aot.factories}; the class is named, not imported, because the core's internal packages are
 * not the auto-configuration's to use.
 */
final class CoreRuntimeHints implements RuntimeHintsRegistrar {

    /** The span class whose field the core reaches through a {@code VarHandle}. */
    static final String MANAGED_SPAN = "dev.observability.core.internal.tracing.ManagedSpan";

    /** That field. */
    static final String SPAN_OPERATIONS = "operations";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerType(TypeReference.of(MANAGED_SPAN), (type) -> type.withField(SPAN_OPERATIONS));
    }
}
