package dev.observability.benchmarks;

import java.io.OutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.observability.autoconfigure.logging.JsonLineStructuredLogFormatter;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Param;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 12, a Boot path: SLF4J {@code log.info} with three key-values in a Spring Boot application whose logging
 * Boot configured. Without the starter ({@code boot}) Logback alone; with it ({@code starter}) Logback plus the
 * starter's Logback bridge, which hands each event to the custom adapter's ASYNC lane (and Boot's {@code logback.events}
 * counter, which reaches it through the Micrometer bridge). Both consoles write the starter's JSON lines (set by name
 * without the starter), so the console costs the same on both sides. {@code console=discarding}: Boot's console
 * appender writes to a stream that discards; {@code console=detached}: it is taken off the root logger, which leaves
 * Logback's own cost without the console and, with the starter, the bridge's on top of it.
 */
public class BootLogBenchmark extends BootPathBenchmark {

    /** The console's format in both variants: the starter's JSON lines, named as an application would without it. */
    static final String JSON_CONSOLE = "logging.structured.format.console="
            + JsonLineStructuredLogFormatter.class.getName();

    /** {@code discarding}: Boot's console to a stream that discards; {@code detached}: no console. */
    @Param({ "discarding", "detached" })
    public String console = "discarding";

    private org.slf4j.Logger logger;

    private long order = 1000;

    /** Starts the application, its console writing the starter's JSON lines away from standard output. */
    @Setup
    public void setUp() {
        startApplication(JSON_CONSOLE);
        redirectConsole(("detached".equals(this.console)) ? null : OutputStream.nullOutputStream());
        this.logger = LoggerFactory.getLogger(BootApplication.LOGGER);
    }

    /**
     * Points Boot's console appender at another stream, or takes it off the root logger.
     * @param out the stream, or {@code null} to detach the appender
     */
    static void redirectConsole(@Nullable OutputStream out) {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender("CONSOLE");
        if (!(appender instanceof ConsoleAppender<ILoggingEvent> boot)) {
            throw new IllegalStateException("Boot's CONSOLE appender not found on the root logger: " + appender);
        }
        if (out == null) {
            root.detachAppender(boot);
        }
        else {
            boot.setOutputStream(out);
        }
    }

    /**
     * {@code log.info} with three key-values.
     * @param caller the caller's bytes per operation
     */
    @Benchmark
    public void keyValues(CallerAllocation caller) {
        caller.count();
        log(this.logger, this.order++);
    }

    static void log(org.slf4j.Logger logger, long order) {
        logger.atInfo()
            .addKeyValue("order", order)
            .addKeyValue("region", "eu-west")
            .addKeyValue("amount", 129.5)
            .log(ConsoleFormatBenchmark.MESSAGE);
    }
}
