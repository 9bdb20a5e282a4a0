package dev.observability.autoconfigure.refresh;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ConfiguredSettings;
import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Applies a refresh of the application's configuration to the running manager: when a key under
 * {@code observability.} or Boot's {@code management.tracing.sampling.probability} changed, the settings that change
 * at runtime are read afresh from the environment ({@link RefreshedConfiguration}) and each configured value that
 * differs is set through {@link ObservabilityControls#changeConfiguredSettings}, the path and rules of the
 * {@code observability} endpoint's writes: each lane's change all or nothing and at once, logged once and counted
 * with the settings changes. A value changed through the endpoint stays in force until it is reset.
 * <p>
 * A refreshed configuration with a value the settings refuse changes nothing: the settings in force stay, one line
 * names the property, its value and the rule, and the refusal is counted ({@link #refusals()}). It listens first, so
 * that a listener that throws at such a value (Spring Cloud's rebinding of the properties bean) cannot keep it from
 * the event.
 */
public final class SettingsRefresher implements ApplicationListener<EnvironmentChangeEvent>, Ordered {

    /** Who asks for the changes, in their log line. */
    static final String BY = "a configuration refresh";

    private static final Log logger = LogFactory.getLog(SettingsRefresher.class);

    /** The keys that concern the manager, in the form of {@link #canonical}. */
    private static final String PREFIX = "observability";

    private static final String SAMPLING = canonical(RefreshedConfiguration.SAMPLING_PROBABILITY);

    private final ObservabilityControls controls;

    private final Environment environment;

    private final List<AdapterSwitch> switches;

    private final LongAdder refusals = new LongAdder();

    /**
     * @param controls the running manager's controls
     * @param environment the application's environment
     * @param switches the adapters' own switches
     */
    public SettingsRefresher(ObservabilityControls controls, Environment environment, List<AdapterSwitch> switches) {
        this.controls = controls;
        this.environment = environment;
        this.switches = switches;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().map(SettingsRefresher::canonical)
            .anyMatch(SettingsRefresher::concernsTheManager)) {
            refresh();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** @return the refreshed configurations refused so far */
    public long refusals() {
        return this.refusals.sum();
    }

    private void refresh() {
        ConfiguredSettings configured;
        ManagerSettings manager;
        try {
            configured = RefreshedConfiguration.read(this.environment, this.switches);
            Float startedWith = this.controls.configuredSettings().samplingProbability();
            manager = configured.manager((startedWith != null)
                    ? RefreshedConfiguration.samplingProbability(this.environment) : null);
        }
        catch (RefusedConfiguration ex) {
            refused(String.valueOf(ex.getMessage()));
            return;
        }
        for (LaneView lane : this.controls.adapters().stream()
            .map((adapter) -> this.controls.lane(adapter.name()).orElseThrow())
            .toList()) {
            SettingsChange<LaneSettings> change = SettingsChange.between(LaneSetting.all(), lane.configuredSettings(),
                    configured.lane(lane.name()));
            if (!change.isEmpty()) {
                apply(() -> this.controls.changeConfiguredSettings(lane.name(), change.by(BY)));
            }
        }
        SettingsChange<ManagerSettings> change = SettingsChange.between(ManagerSetting.all(),
                this.controls.configuredSettings(), manager);
        if (!change.isEmpty()) {
            apply(() -> this.controls.changeConfiguredSettings(change.by(BY)));
        }
    }

    /** Applies one change, all or nothing; a change refused (by the lane, when it cannot apply it now) is reported. */
    private void apply(Runnable change) {
        try {
            change.run();
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            refused(String.valueOf(ex.getMessage()));
        }
    }

    private void refused(String reason) {
        this.refusals.increment();
        logger.warn("Observability settings not changed by " + BY + ", the settings in force stay: " + reason);
    }

    private static boolean concernsTheManager(String key) {
        return key.startsWith(PREFIX) || key.equals(SAMPLING);
    }

    /** A key in any of Boot's relaxed forms as its letters and digits, lower case. */
    private static String canonical(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
