package dev.observability.autoconfigure.actuator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.core.settings.Setting;
import org.jspecify.annotations.Nullable;

/**
 * Shows settings in the {@code observability} endpoint the way its write operations take them: by name, each with its
 * {@code configured} and {@code effective} value (as Boot's {@code loggers} endpoint shows {@code configuredLevel} and
 * {@code effectiveLevel}); a duration as {@code 10s}, a mode or level by its name.
 */
final class SettingsView {

    private SettingsView() {
    }

    /**
     * @param settings the settings to show
     * @param configured their configured values
     * @param effective the values in force
     * @param <S> the settings record
     * @return for each setting by name, its configured and effective value
     */
    static <S> Map<String, Object> of(List<? extends Setting<S, ?>> settings, S configured, S effective) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Setting<S, ?> setting : settings) {
            Map<String, @Nullable Object> values = new LinkedHashMap<>();
            values.put("configured", shown(setting.get(configured)));
            values.put("effective", shown(setting.get(effective)));
            view.put(setting.name(), values);
        }
        return view;
    }

    private static @Nullable Object shown(@Nullable Object value) {
        if (value instanceof Duration || value instanceof Enum<?>) {
            return Setting.show(value);
        }
        return value;
    }
}
