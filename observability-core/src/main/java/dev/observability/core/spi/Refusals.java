package dev.observability.core.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, by reason, the recordings refused before they reached any adapter. The manager makes one and hands it to
 * each adapter that implements {@link AdapterRefusals}; applications read it from the manager's {@code refusals()}.
 */
public final class Refusals {

    private final LongAdder[] counts = new LongAdder[InputRefusal.values().length];

    private final LongAdder truncations = new LongAdder();

    /** Makes counts that start at zero (the manager makes its own; tests may make theirs). */
    public Refusals() {
        for (int i = 0; i < this.counts.length; i++) {
            this.counts[i] = new LongAdder();
        }
    }

    /**
     * Counts one refusal. Adapters that refuse on their own rules (a cardinality guard) count here too.
     * @param reason why
     */
    public void refuse(InputRefusal reason) {
        this.counts[reason.ordinal()].increment();
    }

    /** Counts one log message or field value that was cut to the length limit (the manager calls it). */
    public void truncated() {
        this.truncations.increment();
    }

    /**
     * @param reason a reason
     * @return how many recordings were refused for it
     */
    public long count(InputRefusal reason) {
        return this.counts[reason.ordinal()].sum();
    }

    /** @return the count of log messages and field values cut to the length limit */
    public long truncations() {
        return this.truncations.sum();
    }

    /** @return every reason with its count */
    public Map<InputRefusal, Long> snapshot() {
        Map<InputRefusal, Long> snapshot = new EnumMap<>(InputRefusal.class);
        for (InputRefusal reason : InputRefusal.values()) {
            snapshot.put(reason, count(reason));
        }
        return snapshot;
    }
}
