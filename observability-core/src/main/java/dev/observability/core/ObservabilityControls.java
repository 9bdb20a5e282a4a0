package dev.observability.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.health.HealthMonitor;
import dev.observability.core.internal.manager.LiveSettings;
import dev.observability.core.internal.manager.SettingsLog;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Refusals;
import dev.observability.core.tracing.TraceSampling;
import org.jspecify.annotations.Nullable;

/**
 * The operations on a manager's pipeline, apart from recording: the adapters' state and accounts, health, and the
 * settings changed at runtime (what an operator or Spring Boot Actuator reads and changes). Each manager has one,
 * {@link ObservabilityManager#controls()}; it acts on that manager's lanes and health schedule.
 */
public final class ObservabilityControls {

    private final LaneRegistry lanes;

    private final HealthMonitor healthMonitor;

    private final Consumer<LogLevel> minimumLevel;

    private final @Nullable TraceSampling sampling;

    private final LiveSettings<ManagerSettings> settings;

    /**
     * @param configured the manager's settings as built, already in force where they are read
     * @param minimumLevel puts a new minimum log level in force where events are logged
     * @param sampling the trace sampler whose probability is a setting, or {@code null}
     */
    ObservabilityControls(LaneRegistry lanes, HealthMonitor healthMonitor, ManagerSettings configured,
            Consumer<LogLevel> minimumLevel, @Nullable TraceSampling sampling) {
        this.lanes = lanes;
        this.healthMonitor = healthMonitor;
        this.minimumLevel = minimumLevel;
        this.sampling = sampling;
        this.settings = new LiveSettings<>(configured, this::putInForce);
    }

    /**
     * Follows the adapters: calls the listener at once with the lane of every adapter registered so far, then with
     * the lane of each adapter {@linkplain ObservabilityManager#register(ObservabilityAdapter, LaneSettings)
     * registered} from now on, so an integration (such as the self-metrics) also covers adapters registered at
     * runtime. Each lane is passed once. Later calls happen on the registering thread after the adapter is
     * registered, outside the manager's lock; an exception from the listener there is logged and does not undo the
     * registration.
     */
    public void onAdapterRegistered(Consumer<? super LaneView> listener) {
        this.lanes.onRegistered(listener);
    }

    /** @return the minimum level logged */
    public LogLevel minimumLevel() {
        return this.settings.current().minimumLevel();
    }

    /** Changes the minimum level at runtime, as {@link #changeSettings(SettingsChange)} does. */
    public void setMinimumLevel(LogLevel level) {
        changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, level));
    }

    /** @return the last health cycle's report (served from memory, fast) */
    public HealthReport health() {
        return this.healthMonitor.lastReport();
    }

    /** @return a health cycle's report, run now on the calling thread and handed to the health adapters */
    public HealthReport runHealthChecks() {
        return this.healthMonitor.runCycle();
    }

    /** @return every adapter's state and account, in registration order */
    public List<AdapterSnapshot> adapters() {
        return this.lanes.all().stream().map(AdapterLane::snapshot).toList();
    }

    /** @return the state and account of the adapter of that name, if one is registered */
    public Optional<AdapterSnapshot> adapter(String name) {
        return lane(name).map(LaneView::snapshot);
    }

    /** @return a live view of the lane of the adapter of that name, if one is registered */
    public Optional<LaneView> lane(String name) {
        return Optional.ofNullable(this.lanes.lane(name));
    }

    /**
     * Switches an adapter on or off at runtime, as {@link #changeSettings(String, SettingsChange)} does.
     * @return {@code false} when no adapter has that name
     */
    public boolean setEnabled(String name, boolean enabled) {
        return changeSettings(name, SettingsChange.of(LaneSetting.ENABLED, enabled)).isPresent();
    }

    /**
     * Switches an adapter back to its configured state ({@link LaneSettings#enabled()}), undoing {@link #setEnabled}.
     * @return {@code false} when no adapter has that name
     */
    public boolean resetEnabled(String name) {
        return changeSettings(name, SettingsChange.<LaneSettings>none().reset(LaneSetting.ENABLED)).isPresent();
    }

    /**
     * Changes some settings of an adapter's lane at runtime ({@link LaneSetting} names each, as in
     * {@code observability.adapters.<name>.*}), all or nothing, and logs the change once (each setting from and to,
     * and {@link SettingsChange#by()}). The lane applies it at once: an event sees the old settings or the new ones,
     * never a mix. A breaker whose settings change is replaced by one in the same state as far as Resilience4j allows
     * (its window of recent calls starts empty; an open breaker's wait starts again); a queue that shrinks keeps the
     * events it holds, and refuses new ones until it holds fewer than its new capacity. The account stays exact
     * across the change. Changes last until the manager is closed: the next one starts from its configured settings.
     * @param change the change; {@link SettingsChange#reset} returns a setting to its configured value
     * @return the lane's settings in force after the change, or empty when no adapter has that name
     * @throws IllegalArgumentException with a one-line reason naming the setting, its range and the value, when a
     * setting refuses its new value (or applying it overflows); then nothing changed
     * @throws IllegalStateException when the manager is closed, or when the heap has no room for what the new
     * settings need (an {@link OutOfMemoryError} while the lane makes a larger queue); then nothing changed
     */
    public Optional<LaneSettings> changeSettings(String name, SettingsChange<LaneSettings> change) {
        return laneNamed(name).map((lane) -> {
            SettingsLog.changed(name, lane.change(change), change.by());
            return lane.settings();
        });
    }

    /**
     * Changes some of an adapter's <em>configured</em> settings at runtime, as a change of the application's
     * configuration does: all or nothing, at once and checked by the same rules as
     * {@link #changeSettings(String, SettingsChange)}, logged once and counted. A setting not changed through
     * {@link #changeSettings(String, SettingsChange)} takes its new configured value in force; one changed there keeps
     * its value in force until it is reset, and then takes the new configured value.
     * @param change the configured values that change ({@link SettingsChange#by()}: where they come from, for the log)
     * @return the lane's settings in force after the change, or empty when no adapter has that name
     * @throws IllegalArgumentException as {@link #changeSettings(String, SettingsChange)} does: nothing changed
     * @throws IllegalStateException as {@link #changeSettings(String, SettingsChange)} does: nothing changed
     */
    public Optional<LaneSettings> changeConfiguredSettings(String name, SettingsChange<LaneSettings> change) {
        return laneNamed(name).map((lane) -> {
            SettingsLog.reconfigured(name, lane.reconfigure(change), change.by());
            return lane.settings();
        });
    }

    private Optional<AdapterLane> laneNamed(@Nullable String name) {
        return Optional.ofNullable((name != null) ? this.lanes.lane(name) : null);
    }

    /**
     * Changes some of the manager's settings at runtime ({@link ManagerSetting} names each: the minimum log level and
     * the signals routed, as {@code observability.logging.level} and {@code observability.<signal>.enabled}), all or
     * nothing, and logs the change once. Changes last until the manager is closed.
     * @param change the change; {@link SettingsChange#reset} returns a setting to its configured value
     * @return the manager's settings in force after the change
     * @throws IllegalArgumentException with a one-line reason naming the setting, when a setting refuses its new value;
     * then nothing changed
     */
    public ManagerSettings changeSettings(SettingsChange<ManagerSettings> change) {
        SettingsLog.changed(null, this.settings.change(change).changes(), change.by());
        return this.settings.current();
    }

    /**
     * Changes some of the manager's <em>configured</em> settings at runtime, as a change of the application's
     * configuration does, with the rules of {@link #changeConfiguredSettings(String, SettingsChange)}.
     * @param change the configured values that change
     * @return the manager's settings in force after the change
     * @throws IllegalArgumentException as {@link #changeSettings(SettingsChange)} does: nothing changed
     */
    public ManagerSettings changeConfiguredSettings(SettingsChange<ManagerSettings> change) {
        SettingsLog.reconfigured(null, this.settings.reconfigure(change), change.by());
        return this.settings.current();
    }

    /**
     * Puts the manager's settings in force: the trace sampling's probability (refused, before anything changes, when
     * the manager has no trace sampling), the signals the lanes' registry routes, and the least level logged.
     */
    private void putInForce(ManagerSettings settings) {
        Float probability = settings.samplingProbability();
        if (probability != null) {
            if (this.sampling == null) {
                throw new IllegalArgumentException(ManagerSetting.SAMPLING_PROBABILITY.name() + " cannot change: the "
                        + "application has no trace sampler the starter can change");
            }
            this.sampling.changeProbability(probability);
        }
        this.lanes.switchSignals(settings.disabledSignals());
        this.minimumLevel.accept(settings.minimumLevel());
    }

    /** @return the manager's settings in force now */
    public ManagerSettings settings() {
        return this.settings.current();
    }

    /** @return the manager's settings as built: what a setting changed at runtime returns to */
    public ManagerSettings configuredSettings() {
        return this.settings.configured();
    }

    /** @return the manager's settings changed at runtime so far, each setting of each change counted once */
    public long settingsChanges() {
        return this.settings.changes();
    }

    /** @return the rule that masks sensitive values before any adapter sees them */
    public Redaction redaction() {
        return this.lanes.redaction();
    }

    /** @return the count of recordings refused before any adapter, by reason */
    public Refusals refusals() {
        return this.lanes.refusals();
    }
}
