package dev.observability.core.chaos;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a {@link System.Logger} writes under one name (the JDK routes it to java.util.logging when no
 * other logging backend is installed, as in the core's tests). Close it to detach.
 */
public final class JulCapture implements AutoCloseable {

    private final Logger logger;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            JulCapture.this.records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private JulCapture(String name) {
        this.logger = Logger.getLogger(name);
        this.handler.setLevel(Level.ALL);
        this.logger.addHandler(this.handler);
    }

    /**
     * @param name the logger's name
     * @return a capture attached to that logger
     */
    public static JulCapture of(String name) {
        return new JulCapture(name);
    }

    /**
     * @param text a fragment of the formatted message, such as an adapter's name in quotes
     * @return the captured records at WARNING or above whose message, with its parameters, contains the text
     */
    public List<LogRecord> warningsMentioning(String text) {
        return this.records.stream()
            .filter((record) -> record.getLevel().intValue() >= Level.WARNING.intValue())
            .filter((record) -> formatted(record).contains(text))
            .toList();
    }

    /** @return every captured record's formatted message, in order */
    public List<String> messages() {
        return this.records.stream().map(JulCapture::formatted).toList();
    }

    /**
     * Keeps the logger's records from its parents' handlers (the console) until {@link #close()}, for a test that
     * makes many.
     * @return this capture
     */
    public JulCapture silenced() {
        this.logger.setUseParentHandlers(false);
        return this;
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return (parameters != null) ? java.text.MessageFormat.format(record.getMessage(), parameters)
                : record.getMessage();
    }

    @Override
    public void close() {
        this.logger.removeHandler(this.handler);
        this.logger.setUseParentHandlers(true);
    }
}
