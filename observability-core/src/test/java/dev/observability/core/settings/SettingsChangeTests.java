package dev.observability.core.settings;

import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsChangeTests {

    @Test
    void changesNamingTheSameSettingsWithTheSameValuesAreEqualWhateverTheOrder() {
        SettingsChange<LaneSettings> one = SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 20_000)
            .reset(LaneSetting.ENABLED);
        SettingsChange<LaneSettings> other = SettingsChange.<LaneSettings>none().reset(LaneSetting.ENABLED)
            .set(LaneSetting.QUEUE_CAPACITY, 20_000);
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).hasToString("{dispatch.queue-capacity=20000, enabled=configured}");
    }

    @Test
    void changesDifferByValueByResetOrByWhoAsks() {
        SettingsChange<LaneSettings> change = SettingsChange.of(LaneSetting.ENABLED, false);
        assertThat(change).isNotEqualTo(SettingsChange.of(LaneSetting.ENABLED, true))
            .isNotEqualTo(SettingsChange.<LaneSettings>none().reset(LaneSetting.ENABLED))
            .isNotEqualTo(change.by("ops"))
            .isNotEqualTo(SettingsChange.none());
        assertThat(change.by("ops")).isEqualTo(SettingsChange.of(LaneSetting.ENABLED, false).by("ops"))
            .hasToString("{enabled=false} by ops");
    }
}
