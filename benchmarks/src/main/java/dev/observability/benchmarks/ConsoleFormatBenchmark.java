package dev.observability.benchmarks;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import dev.observability.autoconfigure.logging.JsonLineStructuredLogFormatter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Benchmark 9, the path applications take: an SLF4J {@code log.info} with three key-values, and the same with an
 * exception, through Logback's console appender (synchronous, as Boot configures it) with Spring Boot's structured
 * log encoder, to a stream that discards. The starter's format ({@link JsonLineStructuredLogFormatter}) side by side
 * with Boot's {@code ecs} and {@code logstash} formats in one run, and {@code floor}: a format that writes the same
 * line for every event ({@link ConstantLineFormatter}), so its score is Logback's own cost (the SLF4J call, the event,
 * the appender, Boot's encoder), which every format pays and which bounds how much faster than Boot's any format can
 * be.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConsoleFormatBenchmark extends FullMode {

    static final String MESSAGE = "order placed";

    static final Throwable ERROR = new IllegalStateException("payment declined");

    /** The structured log format: the starter's class, one of Boot's, or the constant line of the floor. */
    @Param({ "starter", "ecs", "logstash", "floor" })
    public String format = "starter";

    private LoggerContext logback;

    private Logger logger;

    private long order = 1000;

    /** A Logback context whose root logger has one console appender with the format's encoder. */
    @Setup
    public void setUp() {
        this.logback = console(this.format, OutputStream.nullOutputStream());
        this.logger = this.logback.getLogger("dev.observability.bench.Orders");
    }

    /**
     * @param format {@code starter}, {@code floor}, or a format Boot knows by name
     * @param out where the console appender writes instead of standard output
     * @return a Logback context whose loggers write through a console appender with Boot's structured log encoder
     */
    static LoggerContext console(String format, OutputStream out) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(switch (format) {
            case "starter" -> JsonLineStructuredLogFormatter.class.getName();
            case "floor" -> ConstantLineFormatter.class.getName();
            default -> format;
        });
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        appender.setOutputStream(out);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return context;
    }

    /** Stops the Logback context. */
    @TearDown
    public void tearDown() {
        this.logback.stop();
    }

    /** {@code log.info} with three key-values. */
    @Benchmark
    public void keyValues() {
        keyValues(this.logger, this.order++);
    }

    /** {@code log.info} with three key-values and an exception. */
    @Benchmark
    public void keyValuesAndException() {
        this.logger.atInfo()
            .addKeyValue("order", this.order++)
            .addKeyValue("region", "eu-west")
            .addKeyValue("amount", 129.5)
            .setCause(ERROR)
            .log(MESSAGE);
    }

    static void keyValues(Logger logger, long order) {
        logger.atInfo().addKeyValue("order", order).addKeyValue("region", "eu-west").addKeyValue("amount", 129.5)
            .log(MESSAGE);
    }
}
