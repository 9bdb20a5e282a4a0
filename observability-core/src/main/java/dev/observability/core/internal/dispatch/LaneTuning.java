package dev.observability.core.internal.dispatch;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.Signal;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A lane's settings in force and what they make: the breaker, the dispatcher, the slow-call threshold and the signals
 * the lane takes. The lane holds one at a time in a volatile field, read once as an event enters and once as it is
 * delivered, so a change of settings (a new tuning) reaches each step whole: it sees the old settings or the new ones,
 * never a mix.
 *
 * @param dispatcher the dispatcher of the settings' mode (or the adapter's preference)
 * @param clockPeriodNanos the period the lane needs from the coarse clock, or 0 when it reads the system's
 * @param acceptedSignals a bit per signal ordinal the lane takes now: none while the adapter is switched off
 */
record LaneTuning(LaneSettings settings, Dispatcher dispatcher, CircuitBreaker breaker, long slowCallNanos,
        long clockPeriodNanos, int acceptedSignals) {

    /** Derives, once per change, what each event reads: the slow-call threshold, the clock's period, the signals. */
    static LaneTuning of(LaneSettings settings, Dispatcher dispatcher, CircuitBreaker breaker) {
        int accepted = 0;
        for (Signal signal : Signal.values()) {
            if (settings.enabled() && settings.isSignalEnabled(signal)) {
                accepted |= 1 << signal.ordinal();
            }
        }
        return new LaneTuning(settings, dispatcher, breaker,
                settings.circuitBreaker().slowCallDurationThreshold().toNanos(),
                CoarseClock.periodFor(settings.circuitBreaker().slowCallDurationThreshold()), accepted);
    }

    /**
     * @param signal a signal
     * @return whether the lane takes it now
     */
    boolean accepts(Signal signal) {
        return (this.acceptedSignals & (1 << signal.ordinal())) != 0;
    }

    /**
     * Makes the breaker that replaces {@code replaced} for new settings, in the state the replaced one is in as far as
     * Resilience4j lets a breaker be put in a state: CLOSED, OPEN (its wait starts again, with the new wait
     * duration), HALF_OPEN (with the new number of probes), FORCED_OPEN, DISABLED and METRICS_ONLY are kept; the
     * window of recent calls (and so the failure rate) starts empty.
     * @param factory makes breakers
     * @param replaced the breaker in force
     * @param settings the new settings
     * @return the new breaker
     */
    static CircuitBreaker replaceBreaker(CircuitBreakerFactory factory, CircuitBreaker replaced,
            LaneSettings settings) {
        CircuitBreaker fresh = factory.replace(replaced, CircuitBreakerFactory.config(settings.circuitBreaker()));
        switch (replaced.getState()) {
            case OPEN -> fresh.transitionToOpenState();
            case HALF_OPEN -> {
                fresh.transitionToOpenState();
                fresh.transitionToHalfOpenState();
            }
            case FORCED_OPEN -> fresh.transitionToForcedOpenState();
            case DISABLED -> fresh.transitionToDisabledState();
            case METRICS_ONLY -> fresh.transitionToMetricsOnlyState();
            default -> {
                // CLOSED: as made
            }
        }
        return fresh;
    }
}
