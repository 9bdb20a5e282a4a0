package dev.observability.core.settings;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One setting, defined once: its name (the key an operator writes, in a properties file or the {@code observability}
 * endpoint's JSON), the type of its values, the values it accepts (its {@link Range}, for a number or a duration) and
 * where it is in its settings record {@code S}.
 * The constants are in {@code LaneSetting} (an adapter's lane) and {@code ManagerSetting} (the whole manager).
 *
 * @param <S> the settings record the setting is part of
 * @param <T> the type of the setting's values
 */
public abstract class Setting<S, T> {

    /** The seconds beyond which a duration's milliseconds overflow a {@code long}. */
    private static final long MAX_MILLIS_SECONDS = Long.MAX_VALUE / 1000;

    private final String name;

    private final Class<T> type;

    private final boolean nullable;

    private final @Nullable Range<T> range;

    private final Function<S, @Nullable T> getter;

    private final BiFunction<S, T, S> wither;

    /**
     * @param name the setting's name
     * @param type the type of its values
     * @param nullable whether {@code null} is a value of the setting
     * @param range the values accepted, or {@code null} when every value of the type is (a switch, a mode)
     * @param getter reads the setting from a settings record
     * @param wither returns a settings record with another value of the setting
     */
    protected Setting(String name, Class<T> type, boolean nullable, @Nullable Range<T> range,
            Function<S, @Nullable T> getter, BiFunction<S, T, S> wither) {
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.range = range;
        this.getter = getter;
        this.wither = wither;
    }

    /** @return the name, such as {@code circuit-breaker.failure-rate-threshold} */
    public final String name() {
        return this.name;
    }

    public final Class<T> type() {
        return this.type;
    }

    /** @return the values the setting accepts, or empty when it accepts every value of its type */
    public final Optional<Range<T>> range() {
        return Optional.ofNullable(this.range);
    }

    /**
     * @param value a value
     * @return why the setting refuses the value, such as {@code "must be a number from 1 to 100"}, or {@code null}
     * when it accepts it
     */
    public final @Nullable String refusal(@Nullable T value) {
        if (value == null) {
            return this.nullable ? null : "must have a value";
        }
        return (this.range != null) ? this.range.refusal(value) : null;
    }

    /**
     * @param value a value
     * @param <V> the value's type as the caller knows it
     * @return the value
     * @throws IllegalArgumentException with a one-line reason that names the setting and the value, such as
     * {@code circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150}
     */
    public final <V extends T> V require(V value) {
        String refusal = refusal(value);
        if (refusal != null) {
            throw new IllegalArgumentException(this.name + " " + refusal
                    + ((value != null) ? ", not " + show(value) : ""));
        }
        return value;
    }

    /**
     * @param settings a settings record
     * @return this setting's value in it
     */
    public final @Nullable T get(S settings) {
        return this.getter.apply(settings);
    }

    /**
     * @param settings a settings record
     * @param value a new value for this setting
     * @return the settings with that value
     * @throws IllegalArgumentException when the setting refuses the value (see {@link #require})
     */
    @SuppressWarnings("NullAway") // a nullable setting's wither takes null, and require() refuses it for the others
    public final S with(S settings, @Nullable T value) {
        return this.wither.apply(settings, require(value));
    }

    /**
     * @param value a value of a setting
     * @return the value as an operator writes it: a duration as {@code 500ms}, {@code 10s} or {@code 2m}, a whole
     * float without its fraction, anything else as its text
     */
    public static String show(@Nullable Object value) {
        if (value instanceof Duration duration) {
            return showDuration(duration);
        }
        if (value instanceof Float number && number == Math.rint(number) && !Float.isInfinite(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    /** A duration in whole milliseconds that a {@code long} holds as the largest unit it divides; else ISO-8601. */
    private static String showDuration(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() % 1_000_000 != 0 || seconds >= MAX_MILLIS_SECONDS || seconds <= -MAX_MILLIS_SECONDS) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        long[] sizes = { 86_400_000, 3_600_000, 60_000, 1000 };
        String[] units = { "d", "h", "m", "s" };
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return (millis / sizes[i]) + units[i];
            }
        }
        return millis + "ms";
    }

    @Override
    public final String toString() {
        return this.name;
    }
}
