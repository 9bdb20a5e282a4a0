package dev.observability.core.internal.dispatch;

import java.util.Set;

import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;

/**
 * The exact account of one lane: a {@link SignalAccount} per signal, so that per adapter and signal, at every moment,
 * {@code submitted = delivered + failed + dropped + rejected_circuit_open + rejected_disabled + rejected_reentrant
 * + pending}. A signal the lane does not receive has an account too, which stays at zero.
 */
final class LaneAccount {

    private final Set<Signal> signals;

    private final SignalAccount[] bySignal = new SignalAccount[Signal.values().length];

    /** @param signals the signals the lane receives (what {@link #deliveredSoFar()} adds up) */
    LaneAccount(Set<Signal> signals) {
        this.signals = signals;
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

    /** @return the events delivered so far over all of the lane's signals (what the breaker's held successes are) */
    long deliveredSoFar() {
        long delivered = 0;
        for (Signal signal : this.signals) {
            delivered += of(signal).deliveredSoFar();
        }
        return delivered;
    }
}
