package dev.observability.autoconfigure.logging;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The reflection a native image needs for the starter's structured log format: Boot makes
 * {@link JsonLineStructuredLogFormatter} from its class name in {@code logging.structured.format.console} through its
 * {@code Instantiator}, which lists the declared constructors and invokes one, and Boot's own AOT processing registers
 * no hint for a format named by class; {@link StructuredLogFormatDefaults} looks Logback up by class name. Registered
 * through {@code META-INF/spring/aot.factories}.
 */
final class StructuredLogFormatRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection()
            .registerType(JsonLineStructuredLogFormatter.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)
            .registerType(TypeReference.of(StructuredLogFormatDefaults.LOGBACK));
    }
}
