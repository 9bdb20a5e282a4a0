package dev.observability.autoconfigure.opentelemetry;

import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;

/**
 * Wraps each exporter in Boot's {@link SpanExporters} (OTLP, Zipkin, the application's own) in a
 * {@link CountingSpanExporter}, so the adapter's health follows what Boot's SDK really exported.
 */
final class CountingSpanExportersPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<SpanExportAccount> account;

    CountingSpanExportersPostProcessor(ObjectProvider<SpanExportAccount> account) {
        this.account = account;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpanExporters exporters) {
            SpanExportAccount target = this.account.getObject();
            return SpanExporters.of(exporters.list().stream().map((exporter) -> counting(exporter, target)).toList());
        }
        return bean;
    }

    private static SpanExporter counting(SpanExporter exporter, SpanExportAccount account) {
        return (exporter instanceof CountingSpanExporter) ? exporter : new CountingSpanExporter(exporter, account);
    }
}
