package dev.observability.autoconfigure.validation;

import dev.observability.core.settings.Range;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The constraints the starter's {@code @ConfigurationProperties} classes check on themselves, with the ranges the
 * settings are defined with ({@link Range}), so a value is refused for the same reason at start-up as in the core and
 * at runtime. Each rejects a field of the object being validated, so Boot's binder reports the property, the bound
 * value, where it came from and the reason. A {@code null} value is not set, and passes.
 */
public final class PropertyConstraints {

    private PropertyConstraints() {
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param range the values the property accepts, defined with the setting it maps onto
     * @param value the bound value, or {@code null} when not set
     * @param <T> the type of the values
     */
    public static <T> void within(Errors errors, String field, Range<T> range, @Nullable T value) {
        rejectIf(errors, field, range.refusal(value));
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param refusal why the value is refused, such as {@code "must be a whole number from 1 to 100"}, or
     * {@code null} when it is accepted
     */
    public static void rejectIf(Errors errors, String field, @Nullable String refusal) {
        if (refusal != null) {
            reject(errors, field, refusal);
        }
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param reason what the property accepts, such as {@code "must be a whole number from 1 to 100"}
     */
    public static void reject(Errors errors, String field, String reason) {
        errors.rejectValue(field, "observability.invalid", reason);
    }
}
