package dev.observability.core.adapters;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/**
 * A logging adapter that discards every event.
 */
public final class NoopLoggingAdapter extends NoopAdapter implements LoggingAdapter {

    /** Creates a no-op adapter named {@code noop-logging}. */
    public NoopLoggingAdapter() {
        this("noop-logging");
    }

    /** @param name the adapter's name */
    public NoopLoggingAdapter(String name) {
        super(name);
    }

    @Override
    public void log(LogEvent event) {
    }
}
