package dev.observability.autoconfigure.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeRegistry;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.settings.Range;

/**
 * A property of the starter that takes a number or a duration, with the type it binds to and the range its setting
 * is defined with. {@link #all()} lists every one, the key of a per-adapter property with the adapter's name as
 * {@value #ADAPTER}.
 *
 * @param key the property's key
 * @param type the type Boot binds its value to
 * @param range the values it accepts
 * @param <T> the type of the values
 */
public record BoundedProperty<T>(String key, Class<T> type, Range<T> range) {

    /** Stands for an adapter's name in the key of a per-adapter property. */
    public static final String ADAPTER = "<name>";

    /**
     * @return every number and duration property of the starter: the lane settings as defaults of every lane and per
     * adapter, the health cycle's, the manager's, the Micrometer bridge's and the cardinality limits of both adapters
     * on a Micrometer registry
     */
    public static List<BoundedProperty<?>> all() {
        List<BoundedProperty<?>> all = new ArrayList<>();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            setting.range().ifPresent((range) -> {
                all.add(of(setting, "observability." + setting.name()));
                all.add(of(setting, "observability.adapters." + ADAPTER + "." + setting.name()));
            });
        }
        all.add(new BoundedProperty<>("observability.health.interval", Duration.class, HealthSettings.INTERVAL_RANGE));
        all.add(new BoundedProperty<>("observability.health.timeout", Duration.class, HealthSettings.TIMEOUT_RANGE));
        all.add(new BoundedProperty<>("observability.health.failure-threshold", Integer.class,
                HealthSettings.FAILURE_THRESHOLD_RANGE));
        all.add(new BoundedProperty<>("observability.dispatch.shutdown-timeout", Duration.class,
                ObservabilityManagerBuilder.SHUTDOWN_TIMEOUT_RANGE));
        all.add(new BoundedProperty<>("observability.dispatch.failure-log-interval", Duration.class,
                ObservabilityManagerBuilder.FAILURE_LOG_INTERVAL_RANGE));
        all.add(new BoundedProperty<>("observability.metrics.micrometer-bridge.sample-interval", Duration.class,
                MicrometerBridgeRegistry.SAMPLE_INTERVAL_RANGE));
        for (String adapter : List.of("prometheus", "opentelemetry.metrics")) {
            for (String limit : List.of("max-label-sets-per-metric", "max-metric-names")) {
                all.add(new BoundedProperty<>("observability." + adapter + ".cardinality." + limit, Integer.class,
                        MicrometerAdapterSettings.LIMIT_RANGE));
            }
        }
        return all;
    }

    private static <T> BoundedProperty<T> of(LaneSetting<T> setting, String key) {
        return new BoundedProperty<>(key, setting.type(), setting.range().orElseThrow());
    }

    /**
     * @param adapter an adapter's name
     * @return the key, for that adapter when the property is one adapter's
     */
    public String keyFor(String adapter) {
        return this.key.replace(ADAPTER, adapter);
    }

    /**
     * @param value a value of the property's type
     * @return whether the property accepts it
     */
    public boolean accepts(Object value) {
        return this.range.contains(this.type.cast(value));
    }
}
