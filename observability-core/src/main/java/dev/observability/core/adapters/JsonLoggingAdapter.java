package dev.observability.core.adapters;

import java.io.IOException;
import java.io.OutputStream;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/**
 * The built-in structured logger: writes each event as one JSON line (see {@link JsonLogFormat}) to standard output
 * or any stream. It needs no backend. It writes to its own stream, never through the application's logging
 * framework, so nothing it writes can come back to it.
 */
public final class JsonLoggingAdapter implements LoggingAdapter {

    /** The name this adapter registers under. */
    public static final String NAME = "json-logging";

    private final String name;

    private final OutputStream out;

    private final ThreadLocal<JsonLogFormat.LineWriter> writers = ThreadLocal
        .withInitial(JsonLogFormat.LineWriter::new);

    /** Writes to standard output. */
    public JsonLoggingAdapter() {
        this(NAME, System.out);
    }

    /** @param out the stream each line is written to */
    public JsonLoggingAdapter(OutputStream out) {
        this(NAME, out);
    }

    /**
     * @param name the adapter's name
     * @param out the stream each line is written to
     */
    public JsonLoggingAdapter(String name, OutputStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public void log(LogEvent event) {
        JsonLogFormat.LineWriter line = this.writers.get().write(event);
        try {
            synchronized (this.out) {
                line.writeTo(this.out);
                this.out.flush();
            }
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
