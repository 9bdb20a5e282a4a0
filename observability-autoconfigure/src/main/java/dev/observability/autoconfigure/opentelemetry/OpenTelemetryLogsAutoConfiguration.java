package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
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

    @Bean
    @ConditionalOnMissingBean
    LogExportAccount logExportAccount(OpenTelemetryProperties openTelemetry,
            ObjectProvider<ObservabilityProperties> properties) {
        return new LogExportAccount(
                new AdapterSwitch(OpenTelemetryLogsAdapter.NAME, openTelemetry.startsOn(openTelemetry.getLogs())),
                OpenTelemetryAutoConfiguration.failureLogInterval(properties));
    }

    @Bean
    AdapterSwitch openTelemetryLogsSwitch(LogExportAccount account) {
        return account.adapterSwitch();
    }

    @Bean
    static CountingLogRecordExportersPostProcessor countingLogRecordExportersPostProcessor(
            ObjectProvider<LogExportAccount> account) {
        return new CountingLogRecordExportersPostProcessor(account);
    }

    @Bean
    EmittedLogRecordCounter observabilityEmittedLogRecordCounter(LogExportAccount account) {
        return new EmittedLogRecordCounter(account);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenTelemetryLogsAdapter openTelemetryLogsAdapter(OpenTelemetry openTelemetry, LogExportAccount account,
            ObjectProvider<OpenTelemetryAppenderPresence> appender) {
        return new OpenTelemetryLogsAdapter(openTelemetry.getLogsBridge(), account,
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
