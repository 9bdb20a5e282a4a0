package dev.observability.core.spi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An immutable set of metric labels (Micrometer calls them tags), kept sorted by key, so that equal labels are equal
 * whatever order they were given in.
 * <p>
 * The rules, decided once and documented in {@code docs/reliability.md}:
 * <ul>
 * <li>a key matches {@code [A-Za-z_][A-Za-z0-9_.-]*} and has at most {@value #MAX_KEY_LENGTH} characters;</li>
 * <li>a value is not {@code null} and has at most {@value #MAX_VALUE_LENGTH} characters; any other content is kept
 * (backends escape it), except that lone UTF-16 surrogates are replaced by U+FFFD;</li>
 * <li>a key given twice keeps its last value.</li>
 * </ul>
 * Labels that break a rule are still built, without throwing, but are {@linkplain #isValid() invalid}: the manager
 * refuses every recording that uses them and counts it as
 * {@link InputRefusal#INVALID_LABELS}. Only an odd number of arguments to
 * {@link #of(String...)} is a programming error that throws.
 */
public final class Labels {

    /** The longest key accepted. */
    public static final int MAX_KEY_LENGTH = 128;

    /** The longest value accepted. */
    public static final int MAX_VALUE_LENGTH = 1024;

    /** The most pairs {@link #of} builds without maps. */
    private static final int FEW = 8;

    private static final Labels EMPTY = new Labels(new String[0], new String[0], null);

    private final String[] keys;

    private final String[] values;

    private final @Nullable String problem;

    private final int hash;

    private Labels(String[] keys, String[] values, @Nullable String problem) {
        this.keys = keys;
        this.values = values;
        this.problem = problem;
        this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Builds labels from alternating keys and values: {@code Labels.of("method", "GET", "status", "200")}.
     * @param keysAndValues keys alternating with values
     * @return the labels, possibly {@linkplain #isValid() invalid}
     * @throws IllegalArgumentException if the number of arguments is odd
     */
    public static Labels of(@Nullable String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels.of needs key/value pairs, got an odd number of arguments: "
                    + keysAndValues.length);
        }
        if (keysAndValues.length == 0) {
            return EMPTY;
        }
        if (keysAndValues.length > 2 * FEW) {
            Map<@Nullable String, @Nullable String> pairs = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                pairs.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return build(pairs);
        }
        return buildFew(keysAndValues);
    }

    /**
     * Builds labels from a map.
     * @param map keys to values
     * @return the labels, possibly {@linkplain #isValid() invalid}
     */
    public static Labels from(Map<@Nullable String, @Nullable String> map) {
        return map.isEmpty() ? EMPTY : build(map);
    }

    /**
     * Returns these labels with one more entry, replacing the value of an existing key.
     * @param key the key
     * @param value the value
     * @return new labels, invalid if these were or the new entry is
     */
    public Labels and(@Nullable String key, @Nullable String value) {
        Map<@Nullable String, @Nullable String> pairs = new LinkedHashMap<>(asMap());
        pairs.put(key, value);
        Labels result = build(pairs);
        return (this.problem != null && result.problem == null) ? new Labels(result.keys, result.values, this.problem)
                : result;
    }

    private static Labels build(Map<@Nullable String, @Nullable String> pairs) {
        String problem = null;
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<@Nullable String, @Nullable String> pair : pairs.entrySet()) {
            String key = pair.getKey();
            String value = pair.getValue();
            String entryProblem = entryProblem(key, value);
            if (entryProblem != null) {
                problem = (problem != null) ? problem : entryProblem;
                continue;
            }
            sorted.put(key, Utf16.replaceLoneSurrogates(Objects.requireNonNull(value)));
        }
        return new Labels(sorted.keySet().toArray(new String[0]), sorted.values().toArray(new String[0]), problem);
    }

    /**
     * Builds up to {@value #FEW} pairs, the labels of a typical call site, as {@link #build} does but with neither of
     * its maps: a key given twice keeps its last value in its first place, and each valid entry is inserted in key
     * order as it comes.
     */
    private static Labels buildFew(@Nullable String[] keysAndValues) {
        int pairs = dedupe(keysAndValues);
        String problem = null;
        String[] keys = new String[pairs];
        String[] values = new String[pairs];
        int size = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            if (firstIndexOf(keysAndValues, key) != i) {
                continue;
            }
            String value = keysAndValues[lastIndexOf(keysAndValues, key) + 1];
            String entryProblem = entryProblem(key, value);
            if (entryProblem != null) {
                problem = (problem != null) ? problem : entryProblem;
                continue;
            }
            int at = size;
            while (at > 0 && keys[at - 1].compareTo(key) > 0) {
                keys[at] = keys[at - 1];
                values[at] = values[at - 1];
                at--;
            }
            keys[at] = key;
            values[at] = Utf16.replaceLoneSurrogates(Objects.requireNonNull(value));
            size++;
        }
        return (size == pairs) ? new Labels(keys, values, problem)
                : new Labels(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), problem);
    }

    /** @return how many distinct keys the pairs have */
    private static int dedupe(@Nullable String[] keysAndValues) {
        int distinct = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (firstIndexOf(keysAndValues, keysAndValues[i]) == i) {
                distinct++;
            }
        }
        return distinct;
    }

    private static int firstIndexOf(@Nullable String[] keysAndValues, @Nullable String key) {
        int i = 0;
        while (!Objects.equals(keysAndValues[i], key)) {
            i += 2;
        }
        return i;
    }

    private static int lastIndexOf(@Nullable String[] keysAndValues, @Nullable String key) {
        int i = keysAndValues.length - 2;
        while (!Objects.equals(keysAndValues[i], key)) {
            i -= 2;
        }
        return i;
    }

    /** @return what breaks a rule in one entry, or {@code null} when it may be kept */
    private static @Nullable String entryProblem(@Nullable String key, @Nullable String value) {
        String keyProblem = keyProblem(key);
        if (keyProblem != null) {
            return keyProblem;
        }
        if (value == null) {
            return "label '" + key + "' has a null value";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "label '" + key + "' has a value of " + value.length() + " characters, over " + MAX_VALUE_LENGTH;
        }
        return null;
    }

    private static @Nullable String keyProblem(@Nullable String key) {
        if (key == null) {
            return "a label key is null";
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return "a label key has " + key.length() + " characters; keys have 1 to " + MAX_KEY_LENGTH;
        }
        if (!isKeyStart(key.charAt(0))) {
            return "label key '" + Utf16.abbreviate(key) + "' must start with a letter or '_'";
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isKeyStart(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return "label key '" + Utf16.abbreviate(key) + "' has a character outside [A-Za-z0-9_.-]";
            }
        }
        return null;
    }

    private static boolean isKeyStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** @return {@code true} when every rule holds and the labels may be recorded */
    public boolean isValid() {
        return this.problem == null;
    }

    /** @return why these labels are invalid, or {@code null} when they are valid */
    public @Nullable String problem() {
        return this.problem;
    }

    /** @return the number of (valid) entries */
    public int size() {
        return this.keys.length;
    }

    /**
     * @param index from 0 to {@link #size()} - 1, in key order
     * @return the key at that index
     */
    public String key(int index) {
        return this.keys[index];
    }

    /**
     * @param index from 0 to {@link #size()} - 1, in key order
     * @return the value at that index
     */
    public String value(int index) {
        return this.values[index];
    }

    /**
     * @param key a key
     * @return its value, or {@code null} when absent
     */
    public @Nullable String get(String key) {
        int index = Arrays.binarySearch(this.keys, key);
        return (index >= 0) ? this.values[index] : null;
    }

    /**
     * Calls the action for each entry in key order, without allocating.
     * @param action receives each key and value
     */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < this.keys.length; i++) {
            action.accept(this.keys[i], this.values[i]);
        }
    }

    /** @return a copy of the entries in key order */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Labels that && this.hash == that.hash && Arrays.equals(this.keys, that.keys)
                && Arrays.equals(this.values, that.values) && java.util.Objects.equals(this.problem, that.problem);
    }

    @Override
    public int hashCode() {
        return this.hash;
    }

    @Override
    public String toString() {
        return (this.problem != null) ? asMap() + " (invalid: " + this.problem + ")" : asMap().toString();
    }
}
