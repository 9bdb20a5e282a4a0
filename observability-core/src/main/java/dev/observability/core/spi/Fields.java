package dev.observability.core.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered set of named values attached to a log event or a span: the structured part of telemetry.
 * <p>
 * Values are kept as {@link String}, {@link Long}, {@link Double} or {@link Boolean}; other numbers are widened and
 * any other object is turned into its {@code toString()} at construction, so a field never holds a live object graph.
 * A {@code null} value is kept as {@code null}. The rules for keys: a {@code null} key drops its entry, and a key
 * given twice keeps the last value in the first position. Construction never throws for content; only an odd
 * number of arguments to {@link #of(Object...)} is a programming error. A key or value whose {@code toString()}
 * throws is kept as {@code <toString() threw ExceptionType>}.
 */
public final class Fields {

    private static final Fields EMPTY = new Fields(new String[0], new Object[0]);

    /** Up to this many pairs, {@link #of} finds repeated keys without a map. */
    private static final int FEW = 16;

    private final String[] keys;

    private final @Nullable Object[] values;

    private Fields(String[] keys, @Nullable Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    public static Fields empty() {
        return EMPTY;
    }

    /**
     * Builds fields from alternating keys and values: {@code Fields.of("order", 42, "region", "eu")}.
     * @param keysAndValues keys (turned into strings) alternating with values
     * @return the fields
     * @throws IllegalArgumentException if the number of arguments is odd
     */
    public static Fields of(@Nullable Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Fields.of needs key/value pairs, got an odd number of arguments: "
                    + keysAndValues.length);
        }
        if (keysAndValues.length == 0) {
            return EMPTY;
        }
        if (keysAndValues.length > 2 * FEW) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                Object key = keysAndValues[i];
                if (key != null) {
                    map.put(text(key), normalize(keysAndValues[i + 1]));
                }
            }
            return fromNormalized(map);
        }
        return ofFew(keysAndValues);
    }

    /**
     * {@link #of} for at most {@value #FEW} pairs, written straight into the two arrays: a repeated key is found by
     * looking through the keys so far, which for so few costs less than a map.
     */
    private static Fields ofFew(@Nullable Object[] keysAndValues) {
        String[] keys = new String[keysAndValues.length / 2];
        Object[] values = new Object[keys.length];
        int size = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object key = keysAndValues[i];
            if (key != null) {
                String text = text(key);
                int at = indexOf(keys, size, text);
                if (at < 0) {
                    at = size++;
                    keys[at] = text;
                }
                values[at] = normalize(keysAndValues[i + 1]);
            }
        }
        if (size == 0) {
            return EMPTY;
        }
        return (size == keys.length) ? new Fields(keys, values)
                : new Fields(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
    }

    private static int indexOf(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Builds fields from a map, in its iteration order.
     * @param map the entries; {@code null} keys are dropped
     * @return the fields
     */
    public static Fields from(Map<?, ?> map) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null) {
                copy.put(text(key), normalize(value));
            }
        });
        return fromNormalized(copy);
    }

    private static Fields fromNormalized(Map<String, @Nullable Object> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] keys = map.keySet().toArray(new String[0]);
        Object[] values = map.values().toArray();
        return new Fields(keys, values);
    }

    /**
     * @param value any value
     * @return the value as a field keeps it: a String, Long, Double, Boolean or {@code null}
     */
    public static @Nullable Object normalize(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return text(value);
    }

    private static String text(Object value) {
        try {
            return String.valueOf(value);
        }
        catch (RuntimeException | StackOverflowError ex) {
            // A deeply nested or cyclic structure overflows the stack in toString(); the caller must not pay for it.
            return "<toString() threw " + ex.getClass().getName() + ">";
        }
    }

    /**
     * Returns these fields with one more entry, replacing the value of an existing key.
     * @param key the key
     * @param value the value
     * @return new fields
     */
    public Fields with(String key, @Nullable Object value) {
        Map<String, @Nullable Object> map = asMap();
        map.put(key, normalize(value));
        return fromNormalized(map);
    }

    public int size() {
        return this.keys.length;
    }

    public boolean isEmpty() {
        return this.keys.length == 0;
    }

    /**
     * @param key a key
     * @return its value, or {@code null} when absent or null
     */
    public @Nullable Object get(String key) {
        for (int i = 0; i < this.keys.length; i++) {
            if (this.keys[i].equals(key)) {
                return this.values[i];
            }
        }
        return null;
    }

    /**
     * Calls the action for each entry, in order, without allocating.
     * @param action receives each key and value
     */
    public void forEach(BiConsumer<String, @Nullable Object> action) {
        for (int i = 0; i < this.keys.length; i++) {
            action.accept(this.keys[i], this.values[i]);
        }
    }

    /**
     * @param index a position, from 0 to {@code size() - 1}
     * @return the key at that position, without allocating (a redactor looks through the keys of every event)
     * @throws IndexOutOfBoundsException when there is no such position
     */
    public String keyAt(int index) {
        return this.keys[index];
    }

    /** @return the keys in order */
    public List<String> keys() {
        return new ArrayList<>(Arrays.asList(this.keys));
    }

    /** @return a mutable copy of the entries, in order */
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Fields that && Arrays.equals(this.keys, that.keys)
                && Arrays.equals(this.values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(this.keys) + Arrays.hashCode(this.values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
