package dev.observability.core.adapters;

import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;

/**
 * A health adapter that discards every report.
 */
public final class NoopHealthAdapter extends NoopAdapter implements HealthAdapter {

    /** Creates a no-op adapter named {@code noop-health}. */
    public NoopHealthAdapter() {
        this("noop-health");
    }

    /** @param name the adapter's name */
    public NoopHealthAdapter(String name) {
        super(name);
    }

    @Override
    public void report(HealthReport report) {
    }
}
