package com.example.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileMetricsAdapterTests {

    @Test
    void writesOneLinePerCounterIncrement() throws Exception {
        FileMetricsAdapter adapter = new FileMetricsAdapter();
        try (ObservabilityManager manager = ObservabilityManager.builder()
                .adapter(adapter, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
                .build()) {
            manager.start();
            manager.counter("orders.placed", Labels.of("region", "eu"));
            assertThat(manager.controls().adapter("file").orElseThrow().total().delivered()).isEqualTo(1);
        }
        assertThat(Files.readAllLines(Path.of("metrics.log"))).contains("counter orders.placed {region=eu} 1.0");
    }
}
