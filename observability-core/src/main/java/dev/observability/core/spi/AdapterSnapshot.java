package dev.observability.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything known about one adapter's lane at one moment: what operators read in Actuator.
 *
 * @param signals the signals the adapter receives
 * @param configuredEnabled whether its settings switch the adapter on (what the manager's
 * {@code resetEnabled(name)} returns to)
 * @param enabled whether the adapter is switched on now
 * @param dispatch how the lane calls it
 * @param circuitState the breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...)
 * @param queueDepth events waiting in the queue (0 for INLINE)
 * @param queueCapacity the queue's capacity (0 for INLINE)
 * @param counts the account per signal the adapter receives
 * @param lastError the last error's type and message, or {@code null}
 * @param lastErrorTime when the last error happened, or {@code null}
 * @param currentCallDuration how long the adapter's current call has run, or {@code null} when it is not in a call
 * (ASYNC lanes only)
 * @param health the lane's health: the adapter's own, made worse by an open breaker or a hung call
 * @param healthCheckedAt when the health cycle last asked the adapter for its own health, or {@code null} before the
 * first cycle: the adapter's own status and details in {@code health} are as of then, while the counts are live
 */
public record AdapterSnapshot(String name, Set<Signal> signals, boolean configuredEnabled, boolean enabled,
        DispatchMode dispatch, String circuitState, int queueDepth, int queueCapacity, Map<Signal, SignalCounts> counts,
        @Nullable String lastError, @Nullable Instant lastErrorTime, @Nullable Duration currentCallDuration,
        AdapterHealth health, @Nullable Instant healthCheckedAt) {

    /**
     * @return what the backend did with what the adapter handed on, as the adapter last reported it with its health,
     * or {@code null} for an adapter that reports none
     */
    public @Nullable ExportCounts exports() {
        return this.health.exports();
    }

    /** @return the account summed over all signals */
    public SignalCounts total() {
        SignalCounts total = SignalCounts.ZERO;
        for (SignalCounts signalCounts : this.counts.values()) {
            total = total.plus(signalCounts);
        }
        return total;
    }
}
