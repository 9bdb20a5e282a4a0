package dev.observability.autoconfigure.opentelemetry.logs;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.autoconfigure.opentelemetry.CountingPostProcessor;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.FailureLogInterval;
import dev.observability.autoconfigure.opentelemetry.OpenTelemetryProperties;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the OpenTelemetry logs adapter ({@value OpenTelemetryLogsAdapter#NAME}) when the OpenTelemetry
 * SDK's logs and {@code opentelemetry-exporter-otlp} are on the classpath, the application has an
 * {@link OpenTelemetry} bean (Boot's SDK, whose {@code SdkLoggerProvider} exports with
 * {@code management.opentelemetry.logging.export.*}) and Boot's {@code management.opentelemetry.enabled} (Boot 4.1) is
 * not {@code false}. The log events reach it through the Logback bridge: no appender to install. Boot's log record
 * exporters are wrapped so that the adapter's health follows what the SDK exported, a counting processor joins Boot's
 * logger provider, and failed exports are reported at most once per
 * {@code observability.dispatch.failure-log-interval}. With {@code observability.opentelemetry.enabled} or
 * {@code observability.opentelemetry.logs.enabled} {@code false} the adapter starts switched off, and while it is
 * off (at start-up or at runtime) Boot's log record exporters send nothing. When OpenTelemetry's own Logback appender
 * is attached, it emits the application's Logback events and the adapter does not.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration" })
@ConditionalOnClass(name = { "io.opentelemetry.sdk.logs.SdkLoggerProvider",
        "io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter" })
@ConditionalOnSwitchesNotOff("observability.enabled")
@ConditionalOnBooleanProperty(name = "management.opentelemetry.enabled", matchIfMissing = true)
@ConditionalOnBean(OpenTelemetry.class)
@EnableConfigurationProperties(OpenTelemetryProperties.class)
public final class OpenTelemetryLogsAutoConfiguration {

    /** The name of the bean of the logs' {@link ExportOutcomes}. */
    static final String EXPORTS = "openTelemetryLogsExports";

    @Bean(EXPORTS)
    @ConditionalOnMissingBean(name = EXPORTS)
    ExportOutcomes openTelemetryLogsExports(OpenTelemetryProperties openTelemetry,
            ObjectProvider<ObservabilityProperties> properties) {
        return ExportOutcomes.ofLogRecords(
                new AdapterSwitch(OpenTelemetryLogsAdapter.NAME, openTelemetry.startsOn(openTelemetry.getLogs())),
                FailureLogInterval.of(properties));
    }

    @Bean
    AdapterSwitch openTelemetryLogsSwitch(@Qualifier(EXPORTS) ExportOutcomes exports) {
        return exports.adapterSwitch();
    }

    /**
     * Wraps each {@link LogRecordExporter} bean (Boot's OTLP exporter, configured with
     * {@code management.opentelemetry.logging.export.otlp.*}, or the application's own), which Boot's batch processor
     * exports through, in a {@link CountingLogRecordExporter}.
     */
    @Bean
    static CountingPostProcessor<LogRecordExporter> countingLogRecordExportersPostProcessor(
            @Qualifier(EXPORTS) ObjectProvider<ExportOutcomes> exports) {
        return new CountingPostProcessor<>(LogRecordExporter.class,
                (exporter, outcomes) -> (exporter instanceof CountingLogRecordExporter) ? exporter
                        : new CountingLogRecordExporter(exporter, outcomes),
                exports);
    }

    @Bean
    EmittedLogRecordCounter observabilityEmittedLogRecordCounter(@Qualifier(EXPORTS) ExportOutcomes exports) {
        return new EmittedLogRecordCounter(exports);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenTelemetryLogsAdapter openTelemetryLogsAdapter(OpenTelemetry openTelemetry,
            @Qualifier(EXPORTS) ExportOutcomes exports, ObjectProvider<OpenTelemetryAppenderPresence> appender) {
        return new OpenTelemetryLogsAdapter(openTelemetry.getLogsBridge(), exports,
                appender.getIfAvailable(() -> OpenTelemetryAppenderPresence.NONE));
    }

    /**
     * Looking for OpenTelemetry's own Logback appender, in an application on Logback.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
    static class LogbackConfiguration {

        @Bean
        OpenTelemetryAppenderPresence openTelemetryLogbackAppenderPresence() {
            return new LogbackOpenTelemetryAppenderPresence();
        }
    }
}
