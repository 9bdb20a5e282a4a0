package com.example.operations;

import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.LogLevel;

final class AuditRunbook {

    private AuditRunbook() {
    }

    static void duringTheIncident(ObservabilityControls controls) {
        controls.changeSettings("audit", SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 20f)
            .set(LaneSetting.QUEUE_CAPACITY, 20_000)
            .by("ops-admin"));                                   // who asks, for the log line
        controls.changeSettings(SettingsChange.of(ManagerSetting.LOGGING_LEVEL, LogLevel.DEBUG));
    }

    static void afterTheIncident(ObservabilityControls controls) {
        controls.changeSettings("audit", SettingsChange.<LaneSettings>none()
            .reset(LaneSetting.FAILURE_RATE_THRESHOLD)
            .reset(LaneSetting.QUEUE_CAPACITY));
        controls.changeSettings(SettingsChange.<ManagerSettings>none().reset(ManagerSetting.LOGGING_LEVEL));
    }
}
