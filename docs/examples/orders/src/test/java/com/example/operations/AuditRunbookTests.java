package com.example.operations;

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
            AuditRunbook.duringTheIncident(manager);
            LaneSettings changed = manager.controls().lane("audit").orElseThrow().settings();
            assertThat(changed.queueCapacity()).isEqualTo(20_000);
            assertThat(changed.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
            assertThat(manager.controls().settings().minimumLevel()).isEqualTo(LogLevel.DEBUG);
            AuditRunbook.afterTheIncident(manager);
            assertThat(manager.controls().lane("audit").orElseThrow().settings()).isEqualTo(LaneSettings.DEFAULTS);
            assertThat(manager.controls().settings()).isEqualTo(manager.controls().configuredSettings());
        }
    }
}
