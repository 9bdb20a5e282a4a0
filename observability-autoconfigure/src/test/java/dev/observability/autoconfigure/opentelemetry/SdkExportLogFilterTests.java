package dev.observability.autoconfigure.opentelemetry;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.observability.autoconfigure.AdapterSwitch;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on the SDK exporters' loggers, driven through the SDK's own {@code ThrottlingLogger} as its exporters
 * log (found by name: it is internal, and moved from {@code io.opentelemetry.sdk.internal} in the SDK 1.55 of Boot 4.0
 * to {@code io.opentelemetry.sdk.common.internal} in the SDK 1.62 of Boot 4.1): a signal's export failures go (while
 * its adapter wraps an exporter), every other line and the throttling notice of other signals stay, the filters of
 * two signals join, and the loggers get their own filter back.
 */
class SdkExportLogFilterTests {

    private static final String HTTP_EXPORTER = SdkExportLogFilter.EXPORTER_LOGGERS.get(0);

    private final Logger logger = Logger.getLogger(HTTP_EXPORTER);

    private final List<String> published = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            SdkExportLogFilterTests.this.published.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final SpanExportAccount account = new SpanExportAccount();

    private final LogExportAccount logs = new LogExportAccount(new AdapterSwitch(OpenTelemetryLogsAdapter.NAME, true),
            Duration.ofMinutes(1));

    @BeforeEach
    void captureTheExporterLogger() {
        this.logger.setUseParentHandlers(false);
        this.logger.addHandler(this.capture);
    }

    @AfterEach
    void restoreTheExporterLogger() {
        this.logger.removeHandler(this.capture);
        this.logger.setUseParentHandlers(true);
        this.logger.setFilter(null);
    }

    @Test
    void leavesOutSpanExportFailuresAndTheNoticeThatAnnouncesOne() {
        new CountingSpanExporter(SpanExporter.composite(), this.account);
        SdkExportLogFilter filter = installed();
        logThroughTheSdk(8, "Failed to export spans. The request could not be executed. Full error message: "
                + "Failed to connect to localhost/127.0.0.1:4318");
        assertThat(this.published).isEmpty();
        filter.destroy();
    }

    @Test
    void leavesOutTheBatchProcessorsLinesAboutSpansItsQueueDropped() {
        new CountingSpanExporter(SpanExporter.composite(), this.account);
        SdkExportLogFilter filter = installed();
        Logger processor = Logger.getLogger(SdkExportLogFilter.BATCH_SPAN_PROCESSOR_LOGGER);
        processor.addHandler(this.capture);
        try {
            processor.log(Level.WARNING, "BatchSpanProcessor dropped 4291 span(s) since the last export because the "
                    + "queue is full (maxQueueSize=2048)");
            processor.log(Level.WARNING, "another line of the processor");
            assertThat(this.published).containsExactly("another line of the processor");
        }
        finally {
            processor.removeHandler(this.capture);
            filter.destroy();
        }
    }

    @Test
    void keepsOtherSignalsFailuresWithTheirThrottlingNotice() {
        new CountingSpanExporter(SpanExporter.composite(), this.account);
        SdkExportLogFilter filter = installed();
        logThroughTheSdk(6, "Failed to export metrics. The request could not be executed.");
        assertThat(this.published).hasSize(7);
        assertThat(this.published.get(5)).startsWith(SdkExportLogFilter.THROTTLE_NOTICE);
        assertThat(this.published.get(6)).startsWith("Failed to export metrics");
        filter.destroy();
    }

    @Test
    void leavesOutLogExportFailuresWhileTheLogsAdapterWrapsAnExporterAndKeepsSpanFailures() {
        new CountingLogRecordExporter(LogRecordExporter.composite(), this.logs);
        SdkExportLogFilter filter = installed(SdkExportLogFilter.forLogs(this.logs));
        logThroughTheSdk(8, "Failed to export logs. The request could not be executed.");
        this.logger.log(Level.SEVERE, "Failed to export spans. Server responded with HTTP status code 503.");
        assertThat(this.published).containsExactly("Failed to export spans. Server responded with HTTP status code 503.");
        filter.destroy();
    }

    @Test
    void theFiltersOfTwoSignalsJoinAndKeepTheThirdSignalsLinesWithTheirNotice() {
        new CountingSpanExporter(SpanExporter.composite(), this.account);
        new CountingLogRecordExporter(LogRecordExporter.composite(), this.logs);
        SdkExportLogFilter spans = installed();
        SdkExportLogFilter logRecords = SdkExportLogFilter.forLogs(this.logs);
        logRecords.afterPropertiesSet();
        logThroughTheSdk(8, "Failed to export spans. The request could not be executed.");
        logThroughTheSdk(8, "Failed to export logs. The request could not be executed.");
        assertThat(this.published).isEmpty();
        logThroughTheSdk(6, "Failed to export metrics. The request could not be executed.");
        assertThat(this.published).hasSize(7);
        assertThat(this.published.get(5)).startsWith(SdkExportLogFilter.THROTTLE_NOTICE);
        assertThat(this.published.get(6)).startsWith("Failed to export metrics");
        logRecords.destroy();
        spans.destroy();
        assertThat(this.logger.getFilter()).isNull();
    }

    @Test
    void keepsSpanExportFailuresWhenTheAdapterWrapsNoExporter() {
        SdkExportLogFilter filter = installed();
        this.logger.log(Level.SEVERE, "Failed to export spans. Server responded with HTTP status code 503.");
        assertThat(this.published).hasSize(1);
        filter.destroy();
    }

    @Test
    void joinsTheLoggersOwnFilterAndGivesItBack() {
        new CountingSpanExporter(SpanExporter.composite(), this.account);
        Filter own = (record) -> !record.getMessage().contains("secret");
        this.logger.setFilter(own);
        SdkExportLogFilter filter = installed();
        this.logger.log(Level.WARNING, "Calling shutdown() multiple times.");
        this.logger.log(Level.WARNING, "a secret line");
        assertThat(this.published).containsExactly("Calling shutdown() multiple times.");
        filter.destroy();
        assertThat(this.logger.getFilter()).isSameAs(own);
    }

    /** Logs as one of the SDK's exporters does: through a throttling logger of its own. */
    private void logThroughTheSdk(int times, String message) {
        try {
            Class<?> type = throttlingLoggerType();
            Object exporterLogger = type.getConstructor(Logger.class).newInstance(this.logger);
            Method log = type.getMethod("log", Level.class, String.class);
            for (int i = 0; i < times; i++) {
                log.invoke(exporterLogger, Level.SEVERE, message);
            }
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Class<?> throttlingLoggerType() throws ClassNotFoundException {
        ClassLoader loader = SpanExporter.class.getClassLoader();
        try {
            return Class.forName("io.opentelemetry.sdk.common.internal.ThrottlingLogger", false, loader);
        }
        catch (ClassNotFoundException ex) {
            return Class.forName("io.opentelemetry.sdk.internal.ThrottlingLogger", false, loader);
        }
    }

    private SdkExportLogFilter installed() {
        return installed(SdkExportLogFilter.forSpans(this.account));
    }

    private SdkExportLogFilter installed(SdkExportLogFilter filter) {
        filter.afterPropertiesSet();
        assertThat(this.logger.getFilter()).isSameAs(filter);
        return filter;
    }
}
