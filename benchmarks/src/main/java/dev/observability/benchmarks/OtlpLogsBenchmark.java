package dev.observability.benchmarks;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAppender;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.logs.CountingLogRecordExporter;
import dev.observability.autoconfigure.opentelemetry.logs.EmittedLogRecordCounter;
import dev.observability.autoconfigure.opentelemetry.logs.OpenTelemetryLogsAdapter;
import dev.observability.core.ObservabilityManager;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 14: one SLF4J log line to OTLP logs, two ways side by side on the same OpenTelemetry SDK (an
 * {@code SdkLoggerProvider} as Boot configures it: a batch processor with its defaults, here with the starter's
 * counting processor and exporter wrapper, whose exporter drops every batch): through the starter's Logback bridge
 * to the {@code opentelemetry-logs} adapter on its INLINE lane, and through OpenTelemetry's own Logback appender,
 * set to carry what the adapter carries (key-value pairs, the thread). Each way has a Logback context of its own with
 * that one appender on the root logger. Once a plain message, once a message with three key-value pairs. Besides
 * {@code -prof gc}'s bytes of every thread (the SDK's batch thread included), {@code callerBytesPerOp} is what the
 * logging thread alone allocates.
 */
public class OtlpLogsBenchmark extends FullMode {

    static final String LOGGER = "dev.observability.bench.Orders";

    static final String MESSAGE = "order placed";

    /** The SDK's exporter of no exporters: every export succeeds at once and keeps nothing. */
    private static final LogRecordExporter DISCARDING = LogRecordExporter.composite();

    final ExportOutcomes exports = ExportOutcomes.ofLogRecords(
            new AdapterSwitch(OpenTelemetryLogsAdapter.NAME, true), Duration.ofMinutes(1));

    SdkLoggerProvider provider;

    private ObservabilityManager manager;

    private LoggerContext bridged;

    private LoggerContext appended;

    Logger viaBridge;

    Logger viaAppender;

    private long order = 1000;

    /** Builds the SDK, the manager with the logs adapter, and the two Logback contexts. */
    @Setup
    public void setUp() {
        this.provider = SdkLoggerProvider.builder()
            .addLogRecordProcessor(new EmittedLogRecordCounter(this.exports))
            .addLogRecordProcessor(
                    BatchLogRecordProcessor.builder(new CountingLogRecordExporter(DISCARDING, this.exports)).build())
            .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setLoggerProvider(this.provider).build();
        this.manager = ObservabilityManager.builder()
            .adapter(new OpenTelemetryLogsAdapter(sdk.getLogsBridge(), this.exports))
            .build();
        this.manager.start();
        this.bridged = new LoggerContext();
        this.viaBridge = withRootAppender(this.bridged, new LogbackBridgeAppender(this.manager));
        OpenTelemetryAppender openTelemetry = new OpenTelemetryAppender();
        openTelemetry.setOpenTelemetry(sdk);
        openTelemetry.setCaptureKeyValuePairAttributes(true);
        openTelemetry.setCaptureExperimentalAttributes(true);
        this.appended = new LoggerContext();
        this.viaAppender = withRootAppender(this.appended, openTelemetry);
    }

    private static Logger withRootAppender(LoggerContext context, Appender<ILoggingEvent> appender) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return context.getLogger(LOGGER);
    }

    /** Stops the contexts, the manager and the SDK. */
    @TearDown
    public void tearDown() {
        this.bridged.stop();
        this.appended.stop();
        this.manager.close();
        this.provider.close();
    }

    /** The Logback bridge to the OTLP logs lane, a plain message. */
    @Benchmark
    public void bridgePlain(CallerAllocation caller) {
        this.viaBridge.info(MESSAGE);
        caller.count();
    }

    /** OpenTelemetry's Logback appender, a plain message. */
    @Benchmark
    public void appenderPlain(CallerAllocation caller) {
        this.viaAppender.info(MESSAGE);
        caller.count();
    }

    /** The Logback bridge to the OTLP logs lane, three key-value pairs. */
    @Benchmark
    public void bridgeKeyValues(CallerAllocation caller) {
        keyValues(this.viaBridge);
        caller.count();
    }

    /** OpenTelemetry's Logback appender, three key-value pairs. */
    @Benchmark
    public void appenderKeyValues(CallerAllocation caller) {
        keyValues(this.viaAppender);
        caller.count();
    }

    private void keyValues(Logger logger) {
        logger.atInfo()
            .addKeyValue("order", this.order++)
            .addKeyValue("region", "eu-west")
            .addKeyValue("vip", true)
            .log(MESSAGE);
    }
}
