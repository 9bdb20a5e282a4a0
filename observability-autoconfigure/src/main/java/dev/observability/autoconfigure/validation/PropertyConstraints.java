package dev.observability.autoconfigure.validation;

import java.time.Duration;

import dev.observability.core.settings.SettingRules;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The constraints the starter's {@code @ConfigurationProperties} classes check on themselves, with the core's rules
 * ({@link SettingRules}), so a value is refused for the same reason at start-up as in the core and at runtime. Each
 * rejects a field of the object being validated, so Boot's binder reports the property, the bound value, where it
 * came from and the reason. A {@code null} value is not set, and passes.
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
        rejectIf(errors, field, SettingRules.between(value, min, max));
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void atLeastOne(Errors errors, String field, @Nullable Integer value) {
        rejectIf(errors, field, SettingRules.atLeastOne(value));
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void positive(Errors errors, String field, @Nullable Duration value) {
        rejectIf(errors, field, SettingRules.positive(value));
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param value the bound value, or {@code null} when not set
     */
    public static void notNegative(Errors errors, String field, @Nullable Duration value) {
        rejectIf(errors, field, SettingRules.notNegative(value));
    }

    /**
     * @param errors the errors of the object being validated
     * @param field the field's name, as in the properties class
     * @param refusal why the value is refused, such as {@code "must be a whole number of 1 or more"}, or
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
     * @param reason what the property accepts, such as {@code "must be 1 or more"}
     */
    public static void reject(Errors errors, String field, String reason) {
        errors.rejectValue(field, "observability.invalid", reason);
    }
}
