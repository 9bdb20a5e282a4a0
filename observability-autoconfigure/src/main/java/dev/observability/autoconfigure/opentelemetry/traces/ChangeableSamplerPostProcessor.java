package dev.observability.autoconfigure.opentelemetry.traces;

import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;

/**
 * Wraps Boot's default {@link Sampler} bean (parent-based, trace-id ratio at
 * {@code management.tracing.sampling.probability}) in a {@link ChangeableRatioSampler} that starts at the same
 * probability, so the manager's {@code tracing.sampling.probability} can change it at runtime. Boot's bean definition
 * stays as it is; any other sampler (another of Boot's kinds, or the application's own) is left alone, and then the
 * probability does not change at runtime.
 */
final class ChangeableSamplerPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<TracingProperties> tracing;

    /** @param tracing Boot's tracing properties, looked up when the sampler is made */
    ChangeableSamplerPostProcessor(ObjectProvider<TracingProperties> tracing) {
        this.tracing = tracing;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Sampler sampler) || bean instanceof ChangeableRatioSampler) {
            return bean;
        }
        TracingProperties properties = this.tracing.getIfAvailable();
        if (properties == null) {
            return bean;
        }
        float probability = properties.getSampling().getProbability();
        boolean bootsDefault = sampler.getDescription()
            .equals(ChangeableRatioSampler.bootsSampler(probability).getDescription());
        return bootsDefault ? new ChangeableRatioSampler(probability) : bean;
    }
}
