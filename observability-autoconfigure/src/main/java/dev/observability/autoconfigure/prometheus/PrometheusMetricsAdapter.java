package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus adapter, named {@value #NAME}: records the manager's metrics into the application's
 * {@link PrometheusMeterRegistry} (Boot's bean, never a second registry), so they are scraped at
 * {@code /actuator/prometheus} next to Boot's own meters. Like every {@link MicrometerMetricsAdapter} it is
 * {@link dev.observability.autoconfigure.adapter.MicrometerNative}: the Micrometer bridge does not feed it the
 * application's meters, which that registry already holds.
 */
public final class PrometheusMetricsAdapter extends MicrometerMetricsAdapter {

    /** The adapter's name. */
    public static final String NAME = "prometheus";

    /**
     * @param registry the application's Prometheus registry
     * @param settings the cardinality limits
     */
    public PrometheusMetricsAdapter(PrometheusMeterRegistry registry, MicrometerAdapterSettings settings) {
        super(NAME, registry, settings);
    }
}
