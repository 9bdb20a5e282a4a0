package dev.observability.e2e.orders;

import dev.observability.core.ObservabilityManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link OrderSignals} by the class path: the manager when the starter is there, Micrometer otherwise.
 * The conditions are read before either class is loaded, so the without-starter jar never loads the manager's types.
 */
final class OrderSignalsConfiguration {

    private static final String MANAGER = "dev.observability.core.ObservabilityManager";

    private OrderSignalsConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = MANAGER)
    static class WithStarter {

        @Bean
        OrderSignals managerOrderSignals(ObservabilityManager observability) {
            return new ManagerOrderSignals(observability);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(MANAGER)
    static class WithoutStarter {

        @Bean
        OrderSignals micrometerOrderSignals(ObservationRegistry observations, MeterRegistry meters) {
            return new MicrometerOrderSignals(observations, meters);
        }
    }
}
