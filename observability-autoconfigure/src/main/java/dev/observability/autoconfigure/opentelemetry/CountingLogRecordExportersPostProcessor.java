package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps each {@link LogRecordExporter} bean (Boot's OTLP exporter, configured with
 * {@code management.opentelemetry.logging.export.otlp.*}, or the application's own), which Boot's batch processor
 * exports through, in a {@link CountingLogRecordExporter}, so the OpenTelemetry logs adapter's health follows what
 * Boot's SDK really exported and the logs' switch stops the export.
 */
final class CountingLogRecordExportersPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<LogExportAccount> account;

    CountingLogRecordExportersPostProcessor(ObjectProvider<LogExportAccount> account) {
        this.account = account;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof LogRecordExporter exporter && !(bean instanceof CountingLogRecordExporter)) {
            return new CountingLogRecordExporter(exporter, this.account.getObject());
        }
        return bean;
    }
}
