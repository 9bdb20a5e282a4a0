package dev.observability.autoconfigure.opentelemetry;

import java.util.function.BiFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps each bean of one type that sends a signal to its backend (Boot's span exporters, a log record exporter, the
 * OTLP registry's sender; Boot's or the application's own) so that what it sends is counted in the signal's
 * {@link ExportOutcomes} and stops while the signal is switched off. The adapter's health then follows what was
 * really exported.
 *
 * @param <T> the type of the beans it wraps
 */
public final class CountingPostProcessor<T> implements BeanPostProcessor {

    private final Class<T> type;

    private final BiFunction<T, ExportOutcomes, T> counting;

    private final ObjectProvider<ExportOutcomes> outcomes;

    /**
     * @param type the type of the beans to wrap
     * @param counting wraps one, or returns it as it is when it counts already
     * @param outcomes the signal's outcomes, looked up when a bean is wrapped
     */
    public CountingPostProcessor(Class<T> type, BiFunction<T, ExportOutcomes, T> counting,
            ObjectProvider<ExportOutcomes> outcomes) {
        this.type = type;
        this.counting = counting;
        this.outcomes = outcomes;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return this.type.isInstance(bean) ? this.counting.apply(this.type.cast(bean), this.outcomes.getObject())
                : bean;
    }
}
