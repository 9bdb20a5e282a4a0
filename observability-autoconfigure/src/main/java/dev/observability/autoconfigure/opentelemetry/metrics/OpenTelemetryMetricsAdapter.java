package dev.observability.autoconfigure.opentelemetry.metrics;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.core.spi.AdapterHealth;
import io.micrometer.registry.otlp.OtlpMeterRegistry;

/**
 * The OpenTelemetry metrics adapter, named {@value #NAME}: records the manager's metrics into the application's
 * {@link OtlpMeterRegistry} (Boot's bean, configured with {@code management.otlp.metrics.export.*}; never a second
 * registry), which pushes them to the collector over OTLP next to Boot's own meters. Like every
 * {@link MicrometerMetricsAdapter} it is {@link dev.observability.autoconfigure.adapter.MicrometerNative}: the
 * Micrometer bridge does not feed it the application's meters, which that registry already holds. The registry
 * publishes in the background, so the adapter's health follows the metrics' {@link ExportOutcomes}: {@code DOWN}
 * with the reason while the last publish failed.
 */
public final class OpenTelemetryMetricsAdapter extends MicrometerMetricsAdapter {

    /** The adapter's name. */
    public static final String NAME = "opentelemetry-metrics";

    private final ExportOutcomes publishes;

    /**
     * @param registry the application's OTLP registry
     * @param settings the cardinality limits
     * @param publishes what the registry's publishes did ({@link ExportOutcomes#ofMetricsPublishes})
     */
    public OpenTelemetryMetricsAdapter(OtlpMeterRegistry registry, MicrometerAdapterSettings settings,
            ExportOutcomes publishes) {
        super(NAME, registry, settings);
        this.publishes = publishes;
    }

    /**
     * @return {@code DOWN} with the reason while the registry's last publish failed, else {@code UP}; the meters,
     * refused recordings and publish counts are details
     */
    @Override
    public AdapterHealth health() {
        return this.publishes.health(super.health());
    }

    /** @return what the registry's publishes did */
    public ExportOutcomes exports() {
        return this.publishes;
    }
}
