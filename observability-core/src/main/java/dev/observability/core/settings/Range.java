package dev.observability.core.settings;

import java.time.Duration;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * The values a setting accepts: every value from a least to a greatest, both included. Each setting has one, defined
 * once next to the setting, and the same range checks its value wherever the value comes from: the core's settings
 * records and builder, the Spring Boot properties at start-up, and a change at runtime. A value outside is refused
 * with one reason, such as {@code "must be a whole number from 1 to 1048576"}.
 *
 * @param <T> the type of the values
 */
public final class Range<T> {

    private final T min;

    private final T max;

    private final Comparator<T> order;

    private final String kind;

    private Range(T min, T max, Comparator<T> order, String kind) {
        if (order.compare(min, max) > 0) {
            throw new IllegalArgumentException("a range from " + Setting.show(min) + " to " + Setting.show(max));
        }
        this.min = min;
        this.max = max;
        this.order = order;
        this.kind = kind;
    }

    /**
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @return the whole numbers from {@code min} to {@code max}
     */
    public static Range<Integer> wholeNumbers(int min, int max) {
        return new Range<>(min, max, Integer::compare, "a whole number");
    }

    /**
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @return the numbers from {@code min} to {@code max}; NaN is outside every range
     */
    public static Range<Float> numbers(float min, float max) {
        return new Range<>(min, max, Float::compare, "a number");
    }

    /**
     * @param min the shortest duration accepted
     * @param max the longest duration accepted
     * @return the durations from {@code min} to {@code max}
     */
    public static Range<Duration> durations(Duration min, Duration max) {
        return new Range<>(min, max, Duration::compareTo, "a duration");
    }

    public T min() {
        return this.min;
    }

    public T max() {
        return this.max;
    }

    /**
     * @param value a value
     * @return whether it is from {@link #min()} to {@link #max()}
     */
    public boolean contains(T value) {
        return this.order.compare(value, this.min) >= 0 && this.order.compare(value, this.max) <= 0;
    }

    /**
     * @param value a value, or {@code null} for a value not set
     * @return why the value is refused, such as {@code "must be a whole number from 1 to 1048576"}, or {@code null}
     * when it is in the range or not set
     */
    public @Nullable String refusal(@Nullable T value) {
        return (value == null || contains(value)) ? null : "must be " + description();
    }

    /** @return what the range holds, such as {@code a whole number from 1 to 1048576} */
    public String description() {
        return this.kind + " " + this;
    }

    /**
     * @param name the setting's name, for the reason
     * @param value a value
     * @param <V> the value's type as the caller knows it
     * @return the value
     * @throws IllegalArgumentException when the value is outside the range (or {@code null}), with a one-line reason
     * that names the setting, the range and the value, such as {@code health.failure-threshold must be a whole number
     * from 1 to 100, not 101}
     */
    public <V extends T> V require(String name, @Nullable V value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must have a value");
        }
        String refusal = refusal(value);
        if (refusal != null) {
            throw new IllegalArgumentException(name + " " + refusal + ", not " + Setting.show(value));
        }
        return value;
    }

    /** @return {@code from <min> to <max>}, the values as an operator writes them */
    @Override
    public String toString() {
        return "from " + Setting.show(this.min) + " to " + Setting.show(this.max);
    }
}
