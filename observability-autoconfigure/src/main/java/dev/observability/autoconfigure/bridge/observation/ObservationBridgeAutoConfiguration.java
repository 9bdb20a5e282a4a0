package dev.observability.autoconfigure.bridge.observation;

import java.time.Clock;

import dev.observability.autoconfigure.adapter.ObservationNative;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;
import io.micrometer.observation.ObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Observation bridge: an {@link ObservationHandler} bean, which Boot adds to its
 * {@code ObservationRegistry}, hands each stopped Observation to the tracing adapters not marked
 * {@link ObservationNative}. Off with {@code observability.tracing.observation-bridge.enabled=false} or
 * {@code observability.tracing.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.observability.autoconfigure.ObservabilityAutoConfiguration",
        beforeName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationHandler.class)
@ConditionalOnBean(ObservabilityManager.class)
@ConditionalOnSwitchesNotOff({ "observability.tracing.enabled", "observability.tracing.observation-bridge.enabled" })
@EnableConfigurationProperties(ObservationBridgeProperties.class)
public final class ObservationBridgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationBridgeHandler observationBridgeHandler(ObjectProvider<ObservabilityManager> manager) {
        return new ObservationBridgeHandler(manager, Clock.systemUTC());
    }
}
