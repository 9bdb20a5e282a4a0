package com.example.telemetry;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.test.AdapterCompatibilityKit;

class FileMetricsAdapterCompatibilityTests extends AdapterCompatibilityKit {

    @Override
    protected ObservabilityAdapter createAdapter(ObservabilityManager manager) throws Exception {
        return new FileMetricsAdapter();
    }
}
