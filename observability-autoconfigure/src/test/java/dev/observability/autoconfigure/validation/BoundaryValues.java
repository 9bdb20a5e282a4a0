package dev.observability.autoconfigure.validation;

import java.time.Duration;
import java.util.List;

import dev.observability.core.settings.Range;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The values to try on a setting with a range: at each bound, just inside and just outside it, and the extremes of
 * the setting's type (the type's least and greatest, 0, negative, NaN and the infinities, durations whose
 * nanoseconds or milliseconds overflow a {@code long}), and random values around the range.
 */
public final class BoundaryValues {

    private BoundaryValues() {
    }

    /**
     * @param type the setting's type: {@code Integer}, {@code Float} or {@code Duration}
     * @param range its range
     * @return the values at, just inside and just outside each bound, and the type's extremes
     */
    public static List<Object> of(Class<?> type, Range<?> range) {
        if (type == Integer.class) {
            int min = (Integer) range.min();
            int max = (Integer) range.max();
            return List.of(min - 1, min, min + 1, max - 1, max, max + 1, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Float.class) {
            float min = (Float) range.min();
            float max = (Float) range.max();
            return List.of(Math.nextDown(min), min, Math.nextUp(min), Math.nextDown(max), max, Math.nextUp(max), 0f,
                    -0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                    -Float.MAX_VALUE, Float.MIN_VALUE);
        }
        Duration min = (Duration) range.min();
        Duration max = (Duration) range.max();
        return List.of(min.minusNanos(1), min, min.plusNanos(1), max.minusNanos(1), max, max.plusNanos(1),
                Duration.ZERO, Duration.ofNanos(-1), Duration.ofNanos(Long.MAX_VALUE), Duration.ofMillis(Long.MAX_VALUE),
                Duration.parse("PT2562047788015215H"), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                Duration.ofSeconds(Long.MIN_VALUE));
    }

    /**
     * @param type the setting's type: {@code Integer}, {@code Float} or {@code Duration}
     * @param range its range
     * @return random values from well below the range to well above it, and anywhere in the type
     */
    public static Arbitrary<Object> around(Class<?> type, Range<?> range) {
        if (type == Integer.class) {
            long min = (Integer) range.min();
            long max = (Integer) range.max();
            long span = Math.max(10, max - min);
            return Arbitraries.oneOf(
                    Arbitraries.longs().between(min - span, max + span)
                        .map((value) -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value))),
                    Arbitraries.integers());
        }
        if (type == Float.class) {
            float min = (Float) range.min();
            float max = (Float) range.max();
            float span = max - min;
            return Arbitraries.oneOf(Arbitraries.floats().between(min - span, max + span),
                    Arbitraries.floats().withSpecialValue(Float.NaN)).map(Object.class::cast);
        }
        long minNanos = ((Duration) range.min()).toNanos();
        long maxNanos = ((Duration) range.max()).toNanos();
        long span = Math.max(1_000_000, maxNanos - minNanos);
        return Arbitraries.oneOf(Arbitraries.longs().between(minNanos - span, maxNanos + span).map(Duration::ofNanos),
                Arbitraries.longs().map(Duration::ofSeconds));
    }
}
