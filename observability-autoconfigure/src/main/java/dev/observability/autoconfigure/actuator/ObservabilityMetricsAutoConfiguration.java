package dev.observability.autoconfigure.actuator;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the self-metrics ({@link ObservabilityMeterBinder}) when Micrometer is on the classpath; Boot's
 * metrics auto-configuration binds them to every meter registry.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnSwitchesNotOff("observability.enabled")
@ConditionalOnBean(ObservabilityManager.class)
public final class ObservabilityMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservabilityMeterBinder observabilityMeterBinder(ObservabilityManager manager) {
        return new ObservabilityMeterBinder(manager);
    }
}
