package dev.observability.autoconfigure.bridge.logback;

import ch.qos.logback.classic.LoggerContext;
import dev.observability.autoconfigure.ObservabilityManagerCustomizer;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.autoconfigure.logging.Slf4jLogOutput;
import dev.observability.core.ObservabilityManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Logback bridge: the application's log events reach the logging adapters once, behind their
 * lanes, while Boot's console and file appenders print every event themselves; the manager's own {@code log(...)}
 * calls are written into SLF4J ({@link Slf4jLogOutput}), so they show on the console and reach the adapters through
 * the bridge, once. Off with {@code observability.logging.logback-bridge.enabled=false} or
 * {@code observability.logging.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.observability.autoconfigure.ObservabilityAutoConfiguration")
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBean(ObservabilityManager.class)
@ConditionalOnSwitchesNotOff({ "observability.logging.enabled", "observability.logging.logback-bridge.enabled" })
@EnableConfigurationProperties(LogbackBridgeProperties.class)
public final class LogbackBridgeAutoConfiguration {

    @Bean
    ObservabilityManagerCustomizer logbackBridgeLogOutput() {
        return (builder) -> builder.logOutput(new Slf4jLogOutput());
    }

    @Bean
    @ConditionalOnMissingBean
    LogbackBridgeLifecycle logbackBridgeLifecycle(ObservabilityManager manager) {
        return new LogbackBridgeLifecycle(manager);
    }
}
