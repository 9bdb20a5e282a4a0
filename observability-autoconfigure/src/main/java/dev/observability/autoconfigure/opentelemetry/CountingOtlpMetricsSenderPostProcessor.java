package dev.observability.autoconfigure.opentelemetry;

import io.micrometer.registry.otlp.OtlpMetricsSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's {@link OtlpMetricsSender} bean (Boot's, configured with
 * {@code management.otlp.metrics.export.*}, or the application's own) in a {@link CountingOtlpMetricsSender}, so the
 * OTLP metrics adapter's health follows what the registry's publishes really did and the metrics' switch stops them.
 */
final class CountingOtlpMetricsSenderPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<OtlpPublishAccount> account;

    CountingOtlpMetricsSenderPostProcessor(ObjectProvider<OtlpPublishAccount> account) {
        this.account = account;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof OtlpMetricsSender sender && !(bean instanceof CountingOtlpMetricsSender)) {
            return new CountingOtlpMetricsSender(sender, this.account.getObject());
        }
        return bean;
    }
}
