package dev.observability.sample.audit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.test.AdapterCompatibilityKit;

/** The sample's custom adapter passes the compatibility kit, as docs/custom-adapter.md shows. */
class AuditAdapterCompatibilityTests extends AdapterCompatibilityKit {

    @Override
    protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
        return new AuditAdapter();
    }
}
