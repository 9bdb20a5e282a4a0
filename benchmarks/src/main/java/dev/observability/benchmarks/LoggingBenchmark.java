package dev.observability.benchmarks;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 6: one log event written as a JSON line by the manager's built-in JSON logger, against Logback with
 * Spring Boot's structured logging encoder in ECS format; both write to a stream that discards, on the caller's
 * thread (the JSON logger on an INLINE lane, Logback through a synchronous appender). Once a plain message, once a
 * message with five fields and an exception.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoggingBenchmark extends FullMode {

    static final String LOGGER = "dev.observability.bench.Orders";

    static final String MESSAGE = "order placed";

    static final Throwable ERROR = new IllegalStateException("payment declined");

    private ObservabilityManager manager;

    private LoggerContext logback;

    private Logger logger;

    private long order = 1000;

    /** Builds the manager with an INLINE JSON logger and a Logback context with Boot's ECS encoder. */
    @Setup
    public void setUp() {
        this.manager = ObservabilityManager.builder()
            .adapter(new JsonLoggingAdapter(OutputStream.nullOutputStream()),
                    LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .build();
        this.manager.start();
        this.logback = ecsLogback(OutputStream.nullOutputStream());
        this.logger = this.logback.getLogger(LOGGER);
    }

    /**
     * @param out where the appender writes
     * @return a Logback context whose loggers write ECS JSON lines with Spring Boot's structured log encoder
     */
    static LoggerContext ecsLogback(OutputStream out) {
        return ConsoleFormatBenchmark.console("ecs", out);
    }

    /** Stops the manager and the Logback context. */
    @TearDown
    public void tearDown() {
        this.manager.close();
        this.logback.stop();
    }

    /** The JSON logger, a plain message. */
    @Benchmark
    public void jsonPlain() {
        this.manager.log(LogLevel.INFO, LOGGER, MESSAGE, Fields.empty(), null);
    }

    /** Logback with Boot's ECS encoder, a plain message. */
    @Benchmark
    public void logbackEcsPlain() {
        this.logger.info(MESSAGE);
    }

    /** The JSON logger, five fields and an exception. */
    @Benchmark
    public void jsonFieldsAndError() {
        long id = this.order++;
        this.manager.log(LogLevel.ERROR, LOGGER, MESSAGE,
                Fields.of("order", id, "region", "eu-west", "amount", 129.5, "vip", true, "customer", "c-42"),
                ERROR);
    }

    /** Logback with Boot's ECS encoder, five key-value pairs and an exception. */
    @Benchmark
    public void logbackEcsFieldsAndError() {
        long id = this.order++;
        this.logger.atError()
            .addKeyValue("order", id)
            .addKeyValue("region", "eu-west")
            .addKeyValue("amount", 129.5)
            .addKeyValue("vip", true)
            .addKeyValue("customer", "c-42")
            .setCause(ERROR)
            .log(MESSAGE);
    }
}
