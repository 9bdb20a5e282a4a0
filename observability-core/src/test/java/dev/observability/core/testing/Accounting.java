package dev.observability.core.testing;

import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the accounting identity on a snapshot.
 */
public final class Accounting {

    private Accounting() {
    }

    /**
     * Asserts {@code submitted = delivered + failed + dropped + rejected + pending} for every signal, with
     * nothing negative.
     * @param snapshot a lane's snapshot
     */
    public static void assertIdentity(AdapterSnapshot snapshot) {
        for (Signal signal : snapshot.signals()) {
            SignalCounts c = snapshot.counts().get(signal);
            assertThat(c.submitted()).as("%s %s: %s", snapshot.name(), signal, c)
                .isEqualTo(c.delivered() + c.failed() + c.dropped() + c.rejectedCircuitOpen() + c.rejectedDisabled()
                        + c.rejectedReentrant() + c.pending());
            assertThat(c.pending()).as("%s %s pending", snapshot.name(), signal).isNotNegative();
        }
    }

    /**
     * Asserts the identity, that nothing is pending, and that the account matches what the adapter saw: every
     * delivered event is one it recorded, and every delivered or failed event is one call made on it.
     * @param snapshot a lane's snapshot, taken when the lane is quiet
     * @param adapter the lane's adapter
     */
    public static void assertSettled(AdapterSnapshot snapshot, TestAdapter adapter) {
        assertIdentity(snapshot);
        SignalCounts total = snapshot.total();
        assertThat(total.pending()).as("%s pending", snapshot.name()).isZero();
        assertThat(total.delivered()).as("%s delivered", snapshot.name()).isEqualTo(adapter.events.size());
        assertThat(total.delivered() + total.failed()).as("%s calls", snapshot.name()).isEqualTo(adapter.calls.get());
    }
}
