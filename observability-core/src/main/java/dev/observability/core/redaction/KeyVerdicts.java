package dev.observability.core.redaction;

import org.jspecify.annotations.Nullable;

/**
 * The verdicts of recently checked keys (sensitive or not), so that a key recorded on every event is checked against
 * the words once. A fixed table of {@value #SLOTS} slots indexed by the key's hash: a key whose slot is taken by
 * another replaces it. Only keys of at most {@value #MAX_KEY_LENGTH} characters are kept, so the table holds at most
 * {@value #SLOTS} short strings however many distinct keys (hostile ones included) it sees. Each slot holds an
 * immutable entry, so any thread reads and replaces slots without a lock; a race costs at most a check done again.
 */
final class KeyVerdicts {

    /** A key not in the table. */
    static final int UNKNOWN = -1;

    /** A key whose values are masked. */
    static final int SENSITIVE = 1;

    /** A key whose values pass. */
    static final int NOT_SENSITIVE = 0;

    /** The number of slots, a power of two. */
    static final int SLOTS = 512;

    /** The longest key kept; a longer key is checked on every call. */
    static final int MAX_KEY_LENGTH = 64;

    private final @Nullable Entry[] slots = new Entry[SLOTS];

    /**
     * @param key a key
     * @return {@link #SENSITIVE}, {@link #NOT_SENSITIVE}, or {@link #UNKNOWN} when the key is not in the table
     */
    int get(String key) {
        Entry entry = this.slots[slot(key)];
        if (entry != null && (entry.key == key || entry.key.equals(key))) {
            return entry.sensitive ? SENSITIVE : NOT_SENSITIVE;
        }
        return UNKNOWN;
    }

    /**
     * Keeps a key's verdict, in place of the key in its slot (a key too long to keep is left out).
     * @param key the key
     * @param sensitive its verdict
     */
    void put(String key, boolean sensitive) {
        if (key.length() <= MAX_KEY_LENGTH) {
            this.slots[slot(key)] = new Entry(key, sensitive);
        }
    }

    /** @return the number of keys kept now (for tests) */
    int size() {
        int size = 0;
        for (Entry entry : this.slots) {
            size += (entry != null) ? 1 : 0;
        }
        return size;
    }

    private static int slot(String key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    private record Entry(String key, boolean sensitive) {
    }
}
