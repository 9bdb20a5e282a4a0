package dev.observability.autoconfigure.opentelemetry.logs;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.LoggerContext;
import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver.ReceivedLogRecord;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Span;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's OpenTelemetry SDK exporting log records over OTLP/HTTP to a receiver on loopback that decodes them with the
 * official protocol classes; the application's log lines reach the OpenTelemetry logs adapter through the Logback
 * bridge, with no appender installed by hand. Each line arrives once, with its severity, logger, thread, fields
 * (redacted), exception and the ids of the span it was logged in; with OpenTelemetry's own Logback appender attached
 * it still arrives once; a switched-off signal sends nothing and counts what it refused; a refusing collector shows
 * in health until it accepts again.
 */
class OtlpLogsWireTests {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.orders.Checkout");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryLoggingAutoConfiguration.class, OtlpLoggingAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                ObservabilityAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                OpenTelemetryLogsAutoConfiguration.class, LogbackBridgeAutoConfiguration.class))
        .withPropertyValues("observability.json-logging.enabled=false", "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.logging.export.schedule-delay=50ms");

    @Test
    void aLogLineArrivesOnceWithSeverityLoggerThreadFieldsExceptionAndTheIdsOfTheSpanItWasLoggedIn() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).run((context) -> {
                String message = "payment failed " + UUID.randomUUID();
                SpanContext logged = logInASpan(context, message);
                ReceivedLogRecord record = theOneRecord(receiver, message);
                assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
                assertThat(record.record().getSeverityText()).isEqualTo("WARN");
                assertThat(record.scopeName()).isEqualTo("com.example.orders.Checkout");
                assertThat(record.traceId()).isEqualTo(logged.traceId());
                assertThat(record.spanId()).isEqualTo(logged.spanId());
                assertThat(record.attributes()).containsEntry("thread.name", Thread.currentThread().getName())
                    .containsEntry("order", "42")
                    .containsEntry("password", Redaction.MASK)
                    .containsEntry("exception.type", IllegalStateException.class.getName())
                    .containsEntry("exception.message", "card declined");
                assertThat(record.attributes().get("exception.stacktrace"))
                    .startsWith("java.lang.IllegalStateException: card declined")
                    .contains("at " + OtlpLogsWireTests.class.getName());
                awaitExported(context);
                AdapterHealth health = adapterHealth(context);
                assertThat(health.status()).isEqualTo(HealthStatus.UP);
                assertThat(health.details()).containsEntry("opentelemetry_logback_appender", false);
            });
        }
    }

    @Test
    void aRecordDeliveredOnAnAsyncLaneCarriesTheSpanOfWhenItWasLoggedNotTheLanesThread() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).withPropertyValues("observability.adapters.opentelemetry-logs.dispatch.mode=async")
                .run((context) -> {
                    String message = "queued " + UUID.randomUUID();
                    SpanContext logged = logInASpan(context, message);
                    ReceivedLogRecord record = theOneRecord(receiver, message);
                    assertThat(record.traceId()).isEqualTo(logged.traceId());
                    assertThat(record.spanId()).isEqualTo(logged.spanId());
                    assertThat(record.attributes()).containsEntry("thread.name", Thread.currentThread().getName());
                });
        }
    }

    @Test
    void theManagersOwnLogEventArrivesOnce() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).run((context) -> {
                String message = "restocked " + UUID.randomUUID();
                context.getBean(ObservabilityManager.class).log(LogLevel.INFO, "com.example.Stock", message,
                        dev.observability.core.spi.Fields.of("sku", "A-1"), null);
                ReceivedLogRecord record = theOneRecord(receiver, message);
                assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
                assertThat(record.scopeName()).isEqualTo("com.example.Stock");
                assertThat(record.attributes()).containsEntry("sku", "A-1");
            });
        }
    }

    @Test
    void withOpenTelemetrysLogbackAppenderAttachedEachLineLeavesOnceThroughTheAppender() throws Exception {
        OpenTelemetryAppender appender = attachOpenTelemetrysAppender();
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).run((context) -> {
                OpenTelemetryAppender.install(context.getBean(OpenTelemetry.class));
                long handedToTheAdapter = loggingCounts(context).submitted();
                String line = "through the appender " + UUID.randomUUID();
                LOG.info(line);
                String managers = "the manager's own " + UUID.randomUUID();
                context.getBean(ObservabilityManager.class).log(LogLevel.INFO, managers);
                assertThat(theOneRecord(receiver, line).scopeName()).isEqualTo("com.example.orders.Checkout");
                theOneRecord(receiver, managers);
                assertThat(loggingCounts(context).submitted()).as("events the bridge handed to the adapter")
                    .isEqualTo(handedToTheAdapter);
                assertThat(adapterHealth(context).details()).containsEntry("opentelemetry_logback_appender", true);
            });
        }
        finally {
            detach(appender);
        }
    }

    @Test
    void logsSwitchedOffAtStartUpSendNothingCountTheirRefusalsAndFlowOnceSwitchedOn() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).withPropertyValues("observability.opentelemetry.logs.enabled=false").run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                assertThat(manager.controls()
                    .adapter(OpenTelemetryLogsAdapter.NAME).orElseThrow().configuredEnabled()).isFalse();
                long refusedBefore = loggingCounts(context).rejectedDisabled();
                LOG.info("while off " + UUID.randomUUID());
                assertThat(loggingCounts(context).rejectedDisabled()).isEqualTo(refusedBefore + 1);

                manager.controls().setEnabled(OpenTelemetryLogsAdapter.NAME, true);
                String line = "switched on " + UUID.randomUUID();
                LOG.info(line);
                theOneRecord(receiver, line);
                assertThat(receiver.logRecords()).extracting(ReceivedLogRecord::body)
                    .noneMatch((body) -> body.startsWith("while off"));

                manager.controls().setEnabled(OpenTelemetryLogsAdapter.NAME, false);
                long refused = loggingCounts(context).rejectedDisabled();
                LOG.info("off again " + UUID.randomUUID());
                assertThat(loggingCounts(context).rejectedDisabled()).isEqualTo(refused + 1);
            });
        }
    }

    @Test
    void whileLogsAreOffTheExporterSendsNothingEvenOfRecordsOpenTelemetrysAppenderEmits() throws Exception {
        OpenTelemetryAppender appender = attachOpenTelemetrysAppender();
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            to(receiver).withPropertyValues("observability.opentelemetry.enabled=false").run((context) -> {
                OpenTelemetryAppender.install(context.getBean(OpenTelemetry.class));
                LOG.info("emitted by the appender while logs are off " + UUID.randomUUID());
                ExportOutcomes exports = context.getBean(OpenTelemetryLogsAdapter.class).exports();
                await().atMost(Duration.ofSeconds(20)).until(() -> exports.refused() > 0);
                assertThat(receiver.logsRequests()).isEmpty();
                assertThat(exports.exported()).isZero();
            });
        }
        finally {
            detach(appender);
        }
    }

    @Test
    void aCollectorAnswering503IsShownWithTheReasonUntilItAcceptsAgain() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            receiver.answer(503);
            to(receiver).run((context) -> {
                LOG.info("refused " + UUID.randomUUID());
                await().atMost(Duration.ofSeconds(20))
                    .until(() -> adapterHealth(context).status() == HealthStatus.DOWN);
                assertThat(adapterHealth(context).message()).startsWith("the last log export failed: ")
                    .contains("HttpExportException");
                assertThat(adapterHealth(context).exports().failed()).isPositive();
                receiver.answer(200);
                String line = "accepted " + UUID.randomUUID();
                LOG.info(line);
                theOneRecord(receiver, line);
                await().atMost(Duration.ofSeconds(20)).until(() -> adapterHealth(context).status() == HealthStatus.UP);
            });
        }
    }

    private ApplicationContextRunner to(OtlpHttpTestReceiver receiver) {
        return this.runner.withPropertyValues(
                "management.opentelemetry.logging.export.otlp.endpoint=" + receiver.logsEndpoint());
    }

    /** Logs a line with fields and an exception inside a manager span. */
    private static SpanContext logInASpan(AssertableApplicationContext context, String message) {
        try (Span span = context.getBean(ObservabilityManager.class).startSpan("checkout")) {
            LOG.atWarn().addKeyValue("order", 42).addKeyValue("password", "hunter2")
                .setCause(new IllegalStateException("card declined")).log(message);
            return span.context();
        }
    }

    /**
     * Waits for the line's record, then logs a marker line and waits for it too: records are exported in the order
     * they were logged, so once the marker has arrived a second copy of the line would have arrived before it.
     */
    private static ReceivedLogRecord theOneRecord(OtlpHttpTestReceiver receiver, String body) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.logRecordsWithBody(body).isEmpty());
        String marker = "marker after '" + body + "'";
        LOG.info(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.logRecordsWithBody(marker).isEmpty());
        List<ReceivedLogRecord> records = receiver.logRecordsWithBody(body);
        assertThat(records).as("records of '%s'", body).hasSize(1);
        return records.get(0);
    }

    private static void awaitExported(AssertableApplicationContext context) {
        ExportOutcomes exports = context.getBean(OpenTelemetryLogsAdapter.class).exports();
        await().atMost(Duration.ofSeconds(20)).until(() -> exports.exported() > 0);
    }

    private static AdapterHealth adapterHealth(AssertableApplicationContext context) {
        return context.getBean(OpenTelemetryLogsAdapter.class).health();
    }

    private static SignalCounts loggingCounts(AssertableApplicationContext context) {
        return context.getBean(ObservabilityManager.class).controls().lane(OpenTelemetryLogsAdapter.NAME).orElseThrow()
            .counts(Signal.LOGGING);
    }

    /** Attaches OpenTelemetry's appender to the root logger, as an application's logback-spring.xml would. */
    private static OpenTelemetryAppender attachOpenTelemetrysAppender() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        OpenTelemetryAppender appender = new OpenTelemetryAppender();
        appender.setContext(logback);
        appender.setName("OTEL");
        appender.start();
        logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void detach(OpenTelemetryAppender appender) {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        OpenTelemetryAppender.install(OpenTelemetry.noop());
    }
}
