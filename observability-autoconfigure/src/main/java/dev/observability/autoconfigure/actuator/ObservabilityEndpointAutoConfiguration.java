package dev.observability.autoconfigure.actuator;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code observability} endpoint when Actuator is on the classpath and the endpoint is available
 * (accessible and exposed, per Boot's {@code management.endpoints.*} rules). Its writes need
 * {@code management.endpoint.observability.access=unrestricted} and Spring MVC.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnSwitchesNotOff("observability.enabled")
@ConditionalOnBean(ObservabilityManager.class)
public final class ObservabilityEndpointAutoConfiguration {

    /** The endpoint, when it is available (its condition lives in Actuator, so it is read only with Actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(ObservabilityEndpoint.class)
    static class AvailableEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ObservabilityEndpoint observabilityEndpoint(ObservabilityManager manager) {
            return new ObservabilityEndpoint(manager);
        }

        /**
         * The endpoint's writes over Spring MVC, where the request is read before Boot reads it (elsewhere a write
         * finds no body and is refused).
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = { "org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice",
                "tools.jackson.databind.json.JsonMapper" })
        static class SpringMvcWritesConfiguration {

            /** Hands the endpoint's write operations their whole body (the settings' kebab-case names). */
            @Bean
            @ConditionalOnMissingBean
            ObservabilityEndpointBodyAdvisor observabilityEndpointBodyAdvisor() {
                return new ObservabilityEndpointBodyAdvisor();
            }

            /** Reads a write's request: the path's adapter only, the body's settings only, nested or flat. */
            @Bean
            ObservabilityEndpointRequestBodyAdvice observabilityEndpointRequestBodyAdvice(
                    ObjectProvider<PathMappedEndpoints> endpoints) {
                return new ObservabilityEndpointRequestBodyAdvice(endpoints);
            }
        }
    }
}
