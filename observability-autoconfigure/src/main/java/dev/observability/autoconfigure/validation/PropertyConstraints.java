package dev.observability.autoconfigure.validation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The constraints the starter's {@code @ConfigurationProperties} classes check on themselves. Each rejects a field of
 * the object being validated, so Boot's binder reports the property, the bound value, where it came from and the
 * reason. A {@code null} value is an override that is not set, and passes.
 */
public final class PropertyConstraints {

    private PropertyConstraints() {
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     * @param min the least value accepted
     * @param max the greatest value accepted
     */
    public static void inRange(Errors errors, String field, @Nullable Number value, int min, int max) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            reject(errors, field, "must be a number from " + min + " to " + max);
        }
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void atLeastOne(Errors errors, String field, @Nullable Integer value) {
        if (value != null && value < 1) {
            reject(errors, field, "must be a whole number of 1 or more");
        }
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void positive(Errors errors, String field, @Nullable Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            reject(errors, field, "must be a positive duration, such as 500ms, 5s or 1m");
        }
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void notNegative(Errors errors, String field, @Nullable Duration value) {
        if (value != null && value.isNegative()) {
            reject(errors, field, "must be a duration of zero or more, such as 0s or 5s");
        }
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param reason what the property accepts, such as {@code "must be 1 or more"}
     */
    public static void reject(Errors errors, String field, String reason) {
        errors.rejectValue(field, "observability.invalid", reason);
    }
}
