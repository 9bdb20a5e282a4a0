package dev.observability.core.adapters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantLock;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;

/**
 * The built-in structured logger: writes each event as one JSON line (see {@link JsonLogFormat}) to standard output
 * or any stream. It needs no backend. It writes to its own stream, never through the application's logging
 * framework, so nothing it writes can come back to it.
 * <p>
 * Each line is written by a writer from a shared {@link LineWriterPool}, so a thread (a virtual thread per request
 * too) keeps nothing of its own; lines reach the stream whole and one at a time under a {@link ReentrantLock}, which,
 * unlike a monitor, lets a virtual thread that waits for the stream free its carrier on every Java version.
 */
public final class JsonLoggingAdapter implements LoggingAdapter {

    /** The name this adapter registers under. */
    public static final String NAME = "json-logging";

    private final String name;

    private final OutputStream out;

    private final LineWriterPool writers = new LineWriterPool();

    private final ReentrantLock writing = new ReentrantLock();

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
        JsonLogFormat.LineWriter writer = this.writers.take();
        try {
            writeLine(writer.write(event));
        }
        finally {
            this.writers.give(writer);
        }
    }

    private void writeLine(JsonLogFormat.LineWriter line) {
        this.writing.lock();
        try {
            line.writeTo(this.out);
            this.out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            this.writing.unlock();
        }
    }
}
