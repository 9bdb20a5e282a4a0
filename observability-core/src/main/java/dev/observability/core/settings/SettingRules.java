package dev.observability.core.settings;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The rules the settings' values follow, each with the reason given for a value that breaks it. The core's settings
 * validate with them, and so do the Spring Boot properties at start-up and a change at runtime, so a value is refused
 * for the same reason everywhere. Each rule returns the reason, or {@code null} for a value it accepts (and for
 * {@code null}: a value not set).
 */
public final class SettingRules {

    private SettingRules() {
    }

    /**
     * @param value a value, or {@code null}
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @return {@code "must be a number from <min> to <max>"}, or {@code null} when the value is in the range
     */
    public static @Nullable String between(@Nullable Number value, int min, int max) {
        return (value == null || (value.doubleValue() >= min && value.doubleValue() <= max)) ? null
                : "must be a number from " + min + " to " + max;
    }

    /**
     * @param value a value, or {@code null}
     * @return {@code "must be a whole number of 1 or more"}, or {@code null} when the value is 1 or more
     */
    public static @Nullable String atLeastOne(@Nullable Integer value) {
        return (value == null || value >= 1) ? null : "must be a whole number of 1 or more";
    }

    /**
     * @param value a value, or {@code null}
     * @return {@code "must be a positive duration, ..."}, or {@code null} when the value is longer than zero
     */
    public static @Nullable String positive(@Nullable Duration value) {
        return (value == null || !(value.isNegative() || value.isZero())) ? null
                : "must be a positive duration, such as 500ms, 5s or 1m";
    }

    /**
     * @param value a value, or {@code null}
     * @param max the longest duration accepted
     * @return {@code "must be a duration from 0 to <max>, ..."}, or {@code null} when the value is from zero to
     * {@code max}
     */
    public static @Nullable String notNegativeAtMost(@Nullable Duration value, Duration max) {
        return (value == null || !(value.isNegative() || value.compareTo(max) > 0)) ? null
                : "must be a duration from 0 to " + Setting.show(max) + ", such as 0s, 100ms or 1s";
    }

    /**
     * @param value a value, or {@code null}
     * @return {@code "must be a duration of zero or more, ..."}, or {@code null} when the value is not negative
     */
    public static @Nullable String notNegative(@Nullable Duration value) {
        return (value == null || !value.isNegative()) ? null : "must be a duration of zero or more, such as 0s or 5s";
    }
}
