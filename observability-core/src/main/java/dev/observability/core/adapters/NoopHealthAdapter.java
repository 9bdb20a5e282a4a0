package dev.observability.core.adapters;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;

/**
 * A health adapter that discards every report.
 */
public final class NoopHealthAdapter implements HealthAdapter {

    private final String name;

    /** Creates a no-op adapter named {@code noop-health}. */
    public NoopHealthAdapter() {
        this("noop-health");
    }

    /** @param name the adapter's name */
    public NoopHealthAdapter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public void report(HealthReport report) {
    }
}
