package dev.observability.autoconfigure.opentelemetry;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;

/**
 * What the adapters on the application's OpenTelemetry SDK share: their calls only touch the SDK's memory, so the
 * lane makes them {@code INLINE}, and since the SDK exports in the background their health follows the signal's
 * {@link ExportOutcomes}.
 */
public abstract class SdkExportingAdapter implements ObservabilityAdapter {

    private final String name;

    private final ExportOutcomes exports;

    /**
     * @param name the adapter's name
     * @param exports what the SDK's exporters did with the signal's items
     */
    protected SdkExportingAdapter(String name, ExportOutcomes exports) {
        this.name = name;
        this.exports = exports;
    }

    @Override
    public final String name() {
        return this.name;
    }

    /** @return the health of the SDK's exports (see {@link ExportOutcomes#health()}) */
    @Override
    public AdapterHealth health() {
        return this.exports.health();
    }

    @Override
    public final DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    /** @return what the SDK's exporters did with the signal's items */
    public ExportOutcomes exports() {
        return this.exports;
    }
}
