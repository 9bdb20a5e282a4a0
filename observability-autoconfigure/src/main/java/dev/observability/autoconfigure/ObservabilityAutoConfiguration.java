package dev.observability.autoconfigure;

import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.ObservabilityAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link ObservabilityManager}: every adapter bean is registered under its name with its
 * {@code observability.adapters.<name>.*} overrides (and starts switched off when an {@link AdapterSwitch} bean of
 * its own is off), every {@link HealthCheck} bean joins the health cycle, the
 * {@link ObservabilityManagerCustomizer} beans adjust the builder, and the manager starts and stops with the
 * application context. When the application has a Resilience4j {@link CircuitBreakerRegistry} bean, the lanes'
 * breakers live in it.
 */
@AutoConfiguration(afterName = "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration")
@ConditionalOnSwitchesNotOff("observability.enabled")
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservabilityManager observabilityManager(ObservabilityProperties properties,
            ObjectProvider<ObservabilityAdapter> adapters, ObjectProvider<AdapterSwitch> switches,
            ObjectProvider<HealthCheck> healthChecks,
            ObjectProvider<ObservabilityManagerCustomizer> customizers,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry) {
        CircuitBreakerRegistry registry = circuitBreakerRegistry.getIfUnique();
        CircuitBreakerFactory breakers = (registry != null) ? CircuitBreakerFactory.of(registry)
                : CircuitBreakerFactory.standalone();
        return new ObservabilityManagerAssembler(properties).assemble(adapters.orderedStream().toList(),
                switches.orderedStream().toList(), healthChecks.orderedStream().toList(), customizers.orderedStream().toList(), breakers);
    }

    @Bean
    @ConditionalOnMissingBean
    ObservabilityManagerLifecycle observabilityManagerLifecycle(ObservabilityManager manager) {
        return new ObservabilityManagerLifecycle(manager);
    }
}
