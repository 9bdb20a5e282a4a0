package dev.observability.autoconfigure.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a value that cannot be bound to one of the {@code observability.*} choices (such as an unknown dispatch
 * mode) or switches (such as {@code replace-console=maybe}): the property, the bad value and the values it accepts.
 * Runs before Boot's generic bind failure analysis; other bind failures are left to Boot.
 */
public final class ObservabilityBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String name = cause.getName().toString();
        Class<?> type = cause.getTarget().getType().resolve();
        ConfigurationProperty property = cause.getProperty();
        if (!name.startsWith("observability.") || type == null || property == null) {
            return null;
        }
        String accepted = accepted(type);
        if (accepted == null) {
            return null;
        }
        String origin = (property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "";
        return new FailureAnalysis(
                "Invalid value '" + property.getValue() + "' for property '" + name + "'" + origin
                        + ": it must be " + accepted + ".",
                "Set '" + name + "' to " + accepted + ", or remove it to use the default.", cause);
    }

    private static @Nullable String accepted(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (!type.isEnum()) {
            return null;
        }
        return "one of " + Arrays.stream(type.getEnumConstants())
            .map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
