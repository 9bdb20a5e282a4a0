package dev.observability.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/**
 * A logging adapter for tests that keeps what it receives, called inline so tests need not wait.
 */
public class RecordingAdapter implements LoggingAdapter {

    private final String name;

    /** What the adapter received, in order. */
    public final List<LogEvent> events = new CopyOnWriteArrayList<>();

    /** @param name the adapter's name */
    public RecordingAdapter(String name) {
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
        this.events.add(event);
    }
}
