package dev.observability.core;

import java.time.Duration;

import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A change of the configured settings at runtime ({@code changeConfiguredSettings}, what a refresh of the
 * configuration calls): the configuration sets the configured value, a setting not changed at runtime follows it, and
 * one changed at runtime stays in force until it is reset, then takes the new configured value.
 */
class ConfiguredSettingsChangeTests {

    private final ObservabilityManager manager = ObservabilityManager.builder()
        .adapter(new TestAdapter("audit", DispatchMode.ASYNC), LaneSettings.DEFAULTS.withQueueCapacity(1024))
        .signalEnabled(Signal.HEALTH, false)
        .build();

    private final ObservabilityControls controls = this.manager.controls();

    @AfterEach
    void close() {
        this.manager.close();
    }

    @Test
    void aSettingNotChangedAtRuntimeFollowsTheConfiguration() {
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 2048)
            .set(LaneSetting.ENABLED, false));
        assertThat(audit().configuredSettings().queueCapacity()).isEqualTo(2048);
        assertThat(audit().settings().queueCapacity()).isEqualTo(2048);
        assertThat(audit().snapshot().queueCapacity()).isEqualTo(2048);
        assertThat(audit().isEnabled()).isFalse();
        assertThat(audit().settingsChanges()).isEqualTo(2);
    }

    @Test
    void aSettingChangedAtRuntimeStaysInForceUntilItIsResetThenTakesTheNewConfiguredValue() {
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 2048)
            .set(LaneSetting.MAX_DELAY, Duration.ofMillis(5)));
        assertThat(audit().settings().queueCapacity()).isEqualTo(5000);
        assertThat(audit().settings().maxDelay()).hasMillis(5);
        assertThat(audit().configuredSettings().queueCapacity()).isEqualTo(2048);
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        this.controls.changeConfiguredSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 4096));
        assertThat(audit().settings().queueCapacity()).as("still the value set at runtime").isEqualTo(5000);
        this.controls.changeSettings("audit", SettingsChange.<LaneSettings>none().reset(LaneSetting.QUEUE_CAPACITY));
        assertThat(audit().settings().queueCapacity()).isEqualTo(4096);
    }

    @Test
    void aConfiguredValueOutOfRangeChangesNothing() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.controls.changeConfiguredSettings("audit",
                    SettingsChange.of(LaneSetting.MAX_DELAY, Duration.ofMillis(5)).set(LaneSetting.QUEUE_CAPACITY, 0)))
            .withMessage("dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0");
        assertThat(audit().settings()).isEqualTo(audit().configuredSettings());
        assertThat(audit().configuredSettings().queueCapacity()).isEqualTo(1024);
        assertThat(audit().settingsChanges()).isZero();
    }

    @Test
    void theManagersSettingsFollowTheSameRules() {
        this.controls.changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.DEBUG));
        this.controls.changeConfiguredSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.WARN)
            .set(ManagerSetting.signal(Signal.METRICS), false));
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(this.controls.settings().isSignalEnabled(Signal.METRICS)).isFalse();
        assertThat(this.controls.configuredSettings().minimumLevel()).isEqualTo(LogLevel.WARN);
        this.controls.changeSettings(SettingsChange.<ManagerSettings>none().reset(ManagerSetting.LOGGING_LEVEL));
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.WARN);
    }

    private LaneView audit() {
        return this.controls.lane("audit").orElseThrow();
    }
}
