package dev.observability.core.adapters;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/**
 * A logging adapter that discards every event.
 */
public final class NoopLoggingAdapter implements LoggingAdapter {

    private final String name;

    /** Creates a no-op adapter named {@code noop-logging}. */
    public NoopLoggingAdapter() {
        this("noop-logging");
    }

    /** @param name the adapter's name */
    public NoopLoggingAdapter(String name) {
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
    public void log(LogEvent event) {
    }
}
