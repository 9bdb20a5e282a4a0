package dev.observability.autoconfigure.refresh;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the {@link SettingsRefresher} when Spring Cloud Context is on the class path (the starter does not
 * bring it) and the application has the manager, and the count of refused refreshes,
 * {@code observability.settings.refresh.refusals}, when it has Micrometer.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.cloud.context.environment.EnvironmentChangeEvent")
@ConditionalOnBean(ObservabilityManager.class)
public final class SettingsRefreshAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SettingsRefresher observabilitySettingsRefresher(ObservabilityManager manager, Environment environment,
            ObjectProvider<AdapterSwitch> switches) {
        return new SettingsRefresher(manager.controls(), environment, switches.orderedStream().toList());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class RefusalsMetricConfiguration {

        @Bean
        MeterBinder observabilitySettingsRefreshRefusals(SettingsRefresher refresher) {
            return (registry) -> FunctionCounter
                .builder("observability.settings.refresh.refusals", refresher, SettingsRefresher::refusals)
                .description("refreshed configurations whose observability settings were refused")
                .register(registry);
        }
    }
}
