package dev.observability.autoconfigure.refresh;

import dev.observability.autoconfigure.actuator.OneLine;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A refreshed configuration the settings refuse, with the reason on one line: the key, the value as the configuration
 * has it, and the rule, such as {@code observability.dispatch.queue-capacity = '0': must be a whole number from 1 to
 * 1048576}.
 */
final class RefusedConfiguration extends Exception {

    private static final long serialVersionUID = 1L;

    RefusedConfiguration(String key, @Nullable Object value, String rule) {
        super(OneLine.cut(key) + " = '" + OneLine.cut(value) + "': " + OneLine.of(rule));
    }

    /**
     * @param ex a failure to bind the properties: a value of the wrong type, or one the properties' validation refused
     * @return the first property it names, with its value and the rule
     */
    static RefusedConfiguration of(BindException ex) {
        if (ex.getCause() instanceof BindValidationException validation) {
            ValidationErrors errors = validation.getValidationErrors();
            ObjectError error = errors.getAllErrors().get(0);
            String rule = String.valueOf(error.getDefaultMessage());
            if (error instanceof FieldError field) {
                ConfigurationPropertyName key = errors.getName().append(dashed(field.getField()));
                return new RefusedConfiguration(key.toString(), boundValue(errors, key, field.getRejectedValue()),
                        rule);
            }
            return new RefusedConfiguration(errors.getName().toString(), null, rule);
        }
        ConfigurationProperty property = ex.getProperty();
        String rule = "cannot be read as " + ex.getTarget().getType();
        return (property != null) ? new RefusedConfiguration(property.getName().toString(), property.getValue(), rule)
                : new RefusedConfiguration(ex.getName().toString(), null, rule);
    }

    /** The value as the configuration has it (such as {@code 10s}), or as it was bound when it has none. */
    private static @Nullable Object boundValue(ValidationErrors errors, ConfigurationPropertyName key,
            @Nullable Object bound) {
        return errors.getBoundProperties()
            .stream()
            .filter((property) -> property.getName().equals(key))
            .map(ConfigurationProperty::getValue)
            .findFirst()
            .orElse(bound);
    }

    /** A field's name as a property's last part: {@code queueCapacity} as {@code queue-capacity}. */
    private static String dashed(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
