package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;

/**
 * The exact account of one lane: a {@link SignalAccount} per signal, so that per adapter and signal, at every moment,
 * {@code submitted = delivered + failed + dropped + rejected_circuit_open + rejected_disabled + rejected_reentrant
 * + pending}. A signal the lane does not receive has an account too, which stays at zero.
 */
final class LaneAccount {

    private final SignalAccount[] bySignal = new SignalAccount[Signal.values().length];

    LaneAccount() {
        for (int i = 0; i < this.bySignal.length; i++) {
            this.bySignal[i] = new SignalAccount();
        }
    }

    /**
     * @param signal a signal
     * @return its account, to count an event's outcome in
     */
    SignalAccount of(Signal signal) {
        return this.bySignal[signal.ordinal()];
    }

    /**
     * @param signal a signal
     * @return its account now
     */
    SignalCounts counts(Signal signal) {
        return of(signal).counts();
    }
}
