package dev.observability.core.dispatch;

import java.util.Set;

import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.jspecify.annotations.Nullable;

/**
 * A live, read-only view of one adapter's lane, for integrations that read its state often, such as meters read at
 * every scrape (see the manager's {@code lane(name)} and {@code onAdapterRegistered(listener)}). Each method reads
 * the lane's state now; none changes it.
 */
public interface LaneView {

    String name();

    /** @return the signals the adapter receives */
    Set<Signal> signals();

    /** @return whether the adapter is switched on now */
    boolean isEnabled();

    /**
     * @param signal one of the adapter's signals
     * @return the lane's account for that signal now (all zero for a signal the adapter does not receive)
     */
    SignalCounts counts(Signal signal);

    /**
     * @return the state of the adapter's circuit breaker, as Resilience4j names it ({@code CLOSED}, {@code OPEN},
     * {@code HALF_OPEN}, {@code FORCED_OPEN}, {@code DISABLED}, {@code METRICS_ONLY})
     */
    String circuitState();

    /** @return the lane's whole state and account now (queue depth and capacity, last error, health, ...) */
    AdapterSnapshot snapshot();

    /** @return events waiting in the lane's queue now: {@code snapshot().queueDepth()}, read alone */
    int queueDepth();

    /** @return the capacity of the lane's queue now (0 for inline dispatch): {@code snapshot().queueCapacity()} */
    int queueCapacity();

    /** @return the status of the lane's health now: {@code snapshot().health().status()}, without the rest */
    HealthStatus healthStatus();

    /**
     * @return the adapter's export figures as it last reported them, or {@code null} when it reports none:
     * {@code snapshot().exports()}, read alone
     */
    @Nullable ExportCounts exports();

    /** @return the lane's settings in force now (changed at runtime, or as configured) */
    LaneSettings settings();

    /** @return the lane's settings as configured: what a setting changed at runtime returns to */
    LaneSettings configuredSettings();

    /** @return the settings changed at runtime so far, each setting of each change counted once */
    long settingsChanges();
}
