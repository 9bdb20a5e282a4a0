package dev.observability.autoconfigure.actuator;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code observability} health contributor (one component per adapter and the health checks),
 * when Spring Boot's health module is on the classpath and {@code management.health.observability.enabled} is not
 * {@code false}. Adapter trouble shows as statuses of its own, outside Boot's status order, so the application's
 * aggregators (its {@code management.endpoint.health.status.order}, groups and probes) rank them as they would
 * rank any unknown code: not at all. Nothing of the application's health configuration is replaced; with
 * {@code observability.health.adapter-trouble-is-down=true} an adapter in trouble reports {@code DOWN} instead.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnSwitchesNotOff("observability.enabled")
@ConditionalOnBean(ObservabilityManager.class)
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityHealthAutoConfiguration {

    /** The contributor, unless the health indicator is switched off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("observability")
    static class ObservabilityHealthContributorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "observabilityHealthContributor")
        ObservabilityHealthContributor observabilityHealthContributor(ObservabilityManager manager,
                ObservabilityProperties properties) {
            return new ObservabilityHealthContributor(manager, properties.getHealth().isAdapterTroubleIsDown());
        }
    }
}
