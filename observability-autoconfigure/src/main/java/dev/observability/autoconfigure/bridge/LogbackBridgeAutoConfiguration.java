package dev.observability.autoconfigure.bridge;

import ch.qos.logback.classic.LoggerContext;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.autoconfigure.condition.ConditionalOnSwitchesNotOff;
import dev.observability.core.ObservabilityManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Logback bridge: the application's log events reach the logging adapters (the JSON logger
 * included) once, and, while the JSON logger writes to standard output, Boot's console appender leaves out the
 * events printed as JSON. Off with {@code observability.logging.logback-bridge.enabled=false} or
 * {@code observability.logging.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.observability.autoconfigure.ObservabilityAutoConfiguration")
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBean(ObservabilityManager.class)
@ConditionalOnSwitchesNotOff({ "observability.logging.enabled", "observability.logging.logback-bridge.enabled" })
@EnableConfigurationProperties(LogbackBridgeProperties.class)
public final class LogbackBridgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LogbackBridgeLifecycle logbackBridgeLifecycle(ObservabilityManager manager, LogbackBridgeProperties properties,
            ObservabilityProperties observabilityProperties) {
        boolean jsonOnStdout = observabilityProperties.getJsonLogging().isEnabled()
                && observabilityProperties.getJsonLogging().getOutput() == ObservabilityProperties.JsonLogging.Output.STDOUT;
        return new LogbackBridgeLifecycle(manager, properties.isReplaceConsole() && jsonOnStdout);
    }
}
