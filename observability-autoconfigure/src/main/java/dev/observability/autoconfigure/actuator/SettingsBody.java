package dev.observability.autoconfigure.actuator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.observability.core.settings.Range;
import dev.observability.core.settings.Setting;
import dev.observability.core.settings.SettingsChange;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;

/**
 * Reads a JSON body of the {@code observability} endpoint's write operations as a change of settings. Its keys are the
 * settings' names as the YAML nests them ({@code {"circuit-breaker": {"failure-rate-threshold": 20}}}) or as flat
 * property names ({@code {"circuit-breaker.failure-rate-threshold": 20}}), which mean the same ({@link FlatBody}).
 * {@code null} returns a setting to its configured value, a group's name with {@code null}
 * ({@code "circuit-breaker": null}) every setting of the group, and an empty body every setting (as an empty body
 * returns a logger to its configured level in Boot's {@code loggers} endpoint). A value is read as its text, as Boot
 * binds a property ({@code "10s"}, {@code 20}, {@code "inline"}), except a switch, which takes {@code true} or
 * {@code false} only. What it cannot read (no body, an unknown key, a value of the wrong type) is refused with a
 * one-line reason naming the setting, repeating what the client sent cut short ({@link OneLine}); the values' ranges
 * are the settings' own, checked when the change applies.
 *
 * @param <S> the settings record the body changes
 */
final class SettingsBody<S> {

    private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

    private final List<? extends Setting<S, ?>> settings;

    /** @param settings every setting the body may name */
    SettingsBody(List<? extends Setting<S, ?>> settings) {
        this.settings = settings;
    }

    /**
     * @param body the request's body: settings by name, or {@code null} when there is none
     * @return the change it asks for (every setting back to its configured value for an empty body)
     * @throws IllegalArgumentException with a one-line reason naming the setting, for no body, or a key or value it
     * cannot read
     */
    SettingsChange<S> read(@Nullable Map<String, ?> body) {
        if (body == null) {
            throw new IllegalArgumentException(notAnObject("missing"));
        }
        return readFlat(FlatBody.of(body));
    }

    /**
     * @param what what the body is instead, such as {@code "an array"}
     * @return the reason a body that is not a JSON object is refused
     */
    static String notAnObject(String what) {
        return "the body must be a JSON object of settings ({} returns every setting to its configured value); it is "
                + what;
    }

    private SettingsChange<S> readFlat(Map<String, ?> body) {
        SettingsChange<S> read = SettingsChange.none();
        if (body.isEmpty()) {
            for (Setting<S, ?> setting : this.settings) {
                read = read.reset(setting);
            }
        }
        for (Map.Entry<String, ?> entry : body.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            Optional<? extends Setting<S, ?>> setting = named(name);
            if (setting.isPresent()) {
                read = (value != null) ? set(read, setting.get(), value) : read.reset(setting.get());
            }
            else if (value == null && isGroup(name)) {
                for (Setting<S, ?> member : this.settings) {
                    read = member.name().startsWith(name + ".") ? read.reset(member) : read;
                }
            }
            else {
                throw new IllegalArgumentException("unknown setting '" + OneLine.cut(name) + "' (the settings are "
                        + this.settings.stream().map(Setting::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return read;
    }

    private Optional<? extends Setting<S, ?>> named(String name) {
        return this.settings.stream().filter((setting) -> setting.name().equals(name)).findFirst();
    }

    private boolean isGroup(String name) {
        return this.settings.stream().anyMatch((setting) -> setting.name().startsWith(name + "."));
    }

    private static <S, T> SettingsChange<S> set(SettingsChange<S> change, Setting<S, T> setting, Object value) {
        return change.set(setting, convert(setting, value));
    }

    /** A value as Boot binds a property: its text converted to the setting's type; a switch takes a boolean only. */
    private static <T> T convert(Setting<?, T> setting, Object value) {
        Class<T> type = setting.type();
        if (type == Boolean.class) {
            if (value instanceof Boolean || "true".equals(value) || "false".equals(value)) {
                return type.cast(Boolean.valueOf(String.valueOf(value)));
            }
            throw refused(setting, "must be true, false or null (the configured value)", value);
        }
        try {
            T converted = CONVERSION.convert(String.valueOf(value), type);
            if (converted != null) {
                return converted;
            }
        }
        catch (ConversionException | IllegalArgumentException ex) {
            // refused below
        }
        throw refused(setting, "must be " + expected(setting), value);
    }

    /** @return what the setting takes: its range, or the values of its type */
    private static String expected(Setting<?, ?> setting) {
        return setting.range().map(Range::description).orElseGet(() -> expected(setting.type()));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                .map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    private static IllegalArgumentException refused(Setting<?, ?> setting, String reason, @Nullable Object value) {
        return new IllegalArgumentException(setting.name() + " " + reason + ", not '" + OneLine.cut(value) + "'");
    }
}
