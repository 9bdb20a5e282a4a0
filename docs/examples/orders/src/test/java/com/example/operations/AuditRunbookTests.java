package com.example.operations;

import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.LogLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/operations.md's settings changes through the Java API, on a manager without Spring. */
class AuditRunbookTests {

    @Test
    void theIncidentsChangesApplyAndAreUndoneByResettingThem() {
        try (ObservabilityManager manager = ObservabilityManager.builder()
                .adapter(new NoopMetricsAdapter("audit"))
                .build()) {
            manager.start();
            ObservabilityControls controls = manager.controls();
            AuditRunbook.duringTheIncident(controls);
            LaneSettings changed = controls.lane("audit").orElseThrow().settings();
            assertThat(changed.queueCapacity()).isEqualTo(20_000);
            assertThat(changed.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
            assertThat(controls.settings().minimumLevel()).isEqualTo(LogLevel.DEBUG);
            AuditRunbook.afterTheIncident(controls);
            assertThat(controls.lane("audit").orElseThrow().settings()).isEqualTo(LaneSettings.DEFAULTS);
            assertThat(controls.settings()).isEqualTo(controls.configuredSettings());
        }
    }
}
