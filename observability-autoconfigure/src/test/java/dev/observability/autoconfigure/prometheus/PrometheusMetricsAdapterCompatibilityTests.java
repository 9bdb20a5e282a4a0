package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.test.AdapterCompatibilityKit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus adapter, on a registry as Boot configures it by default, passes the compatibility kit. */
class PrometheusMetricsAdapterCompatibilityTests extends AdapterCompatibilityKit {

    @Override
    protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
        return new PrometheusMetricsAdapter(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                MicrometerAdapterSettings.DEFAULTS);
    }
}
