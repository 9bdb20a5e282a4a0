package dev.observability.e2e.variants;

import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code otel} variant's OTLP logs: Boot's OpenTelemetry installs no Logback appender, so without the starter the
 * application attaches OpenTelemetry's own ({@code opentelemetry-logback-appender-1.0}) to the root logger and
 * installs Boot's SDK into it, as that appender's documentation says, and sends the same three signals as
 * {@code otel-starter}, whose Logback bridge feeds the OTLP logs adapter instead. Read only when the appender is on
 * the class path and the starter is not (the conditions are checked before the class is loaded).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender")
@ConditionalOnMissingClass("dev.observability.core.ObservabilityManager")
public class OpenTelemetryAppenderVariant {

    @Bean
    OpenTelemetryAppender openTelemetryAppender(OpenTelemetry openTelemetry) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        OpenTelemetryAppender appender = new OpenTelemetryAppender();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        OpenTelemetryAppender.install(openTelemetry);
        return appender;
    }
}
