package dev.observability.benchmarks;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.observability.autoconfigure.logging.JsonLineStructuredLogFormatter;
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
 * appender writes to a stream that discards; {@code console=reading}: it is replaced by an appender that reads what
 * every format reads (the message, the thread's name, the MDC) and writes nothing, which leaves Logback's own cost of
 * an event that reaches a console and, with the starter, the bridge's on top of it, without the format's microseconds
 * (and their noise) around them.
 */
public class BootLogBenchmark extends BootPathBenchmark {

    /** {@code boot}: the application without the starter; {@code starter}: with it and a custom adapter. */
    @Param({ "boot", "defaults", "starter" })
    public String variant = "starter";

    /** The console's format in both variants: the starter's JSON lines, named as an application would without it. */
    static final String JSON_CONSOLE = "logging.structured.format.console="
            + JsonLineStructuredLogFormatter.class.getName();

    /** {@code discarding}: Boot's console to a stream that discards; {@code reading}: a console that only reads. */
    @Param({ "discarding", "reading" })
    public String console = "discarding";

    private org.slf4j.Logger logger;

    private long order = 1000;

    /** Starts the application, its console writing the starter's JSON lines away from standard output. */
    @Setup
    public void setUp() {
        startApplication(this.variant, JSON_CONSOLE);
        if ("reading".equals(this.console)) {
            replaceConsole(new ReadingAppender());
        }
        else {
            redirectConsole(OutputStream.nullOutputStream());
        }
        this.logger = LoggerFactory.getLogger(BootApplication.LOGGER);
    }

    /**
     * Points Boot's console appender at another stream.
     * @param out the stream
     */
    static void redirectConsole(OutputStream out) {
        bootsConsole().setOutputStream(out);
    }

    /**
     * Puts another appender in the place of Boot's console (before the starter's bridge, as the console is).
     * @param replacement the appender, started here
     */
    static void replaceConsole(Appender<ILoggingEvent> replacement) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> others = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(others::add);
        others.forEach(root::detachAppender);
        replacement.setContext(context);
        replacement.start();
        root.addAppender(replacement);
        others.stream().filter((appender) -> appender != bootsConsole(others)).forEach(root::addAppender);
    }

    private static ConsoleAppender<ILoggingEvent> bootsConsole() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        return bootsConsole(appenders);
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> bootsConsole(List<Appender<ILoggingEvent>> appenders) {
        return appenders.stream()
            .filter((appender) -> "CONSOLE".equals(appender.getName()) && appender instanceof ConsoleAppender)
            .map((appender) -> (ConsoleAppender<ILoggingEvent>) appender)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Boot's CONSOLE appender not found on the root logger"));
    }

    /** A console that reads what every format reads from an event and writes nothing. */
    static final class ReadingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
        }
    }

    /**
     * {@code log.info} with three key-values.
     * @param caller the caller's bytes and CPU time per operation
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
