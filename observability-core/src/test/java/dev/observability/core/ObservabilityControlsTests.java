package dev.observability.core;

import java.util.Set;

import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controls' contract: one per manager, acting on that manager's pipeline alone, and a setting changed through
 * them is the one the manager's recordings follow.
 */
class ObservabilityControlsTests {

    @Test
    void eachManagerHasOneControlsActingOnItsOwnAdapters() {
        try (ObservabilityManager one = ObservabilityManager.builder()
                .adapter(new TestAdapter("one", DispatchMode.INLINE)).build();
                ObservabilityManager two = ObservabilityManager.builder()
                    .adapter(new TestAdapter("two", DispatchMode.INLINE)).build()) {
            assertThat(one.controls()).isSameAs(one.controls()).isNotSameAs(two.controls());
            assertThat(one.controls().adapter("one")).isPresent();
            assertThat(one.controls().adapter("two")).isEmpty();
            assertThat(one.controls().setEnabled("two", false)).as("another manager's adapter").isFalse();
        }
    }

    @Test
    void theLevelSetThroughTheControlsIsTheLevelTheManagerLogsAt() {
        TestAdapter adapter = new TestAdapter("inline", DispatchMode.INLINE);
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter).build()) {
            ObservabilityControls controls = manager.controls();
            controls.setMinimumLevel(LogLevel.WARN);
            manager.log(LogLevel.INFO, "below the level");
            manager.log(LogLevel.WARN, "at the level");
            assertThat(adapter.events).containsExactly("log at the level");
            assertThat(controls.minimumLevel()).isEqualTo(LogLevel.WARN);
            assertThat(controls.settings().minimumLevel()).isEqualTo(LogLevel.WARN);
            assertThat(controls.configuredSettings()).isEqualTo(ManagerSettings.DEFAULTS);
            assertThat(controls.settingsChanges()).isEqualTo(1);
        }
    }

    @Test
    void aSignalSwitchedOffThroughTheControlsIsNoLongerRoutedByTheManager() {
        TestAdapter adapter = new TestAdapter("inline", DispatchMode.INLINE);
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter).build()) {
            ManagerSettings settings = manager.controls()
                .changeSettings(SettingsChange.of(ManagerSetting.signal(Signal.METRICS), false));
            manager.counter("orders", Labels.empty());
            assertThat(settings.disabledSignals()).isEqualTo(Set.of(Signal.METRICS));
            assertThat(adapter.events).isEmpty();
            manager.controls().changeSettings(SettingsChange.<ManagerSettings>none()
                .reset(ManagerSetting.signal(Signal.METRICS)));
            manager.counter("orders", Labels.empty());
            assertThat(adapter.events).containsExactly("counter orders{} 1.0");
        }
    }
}
