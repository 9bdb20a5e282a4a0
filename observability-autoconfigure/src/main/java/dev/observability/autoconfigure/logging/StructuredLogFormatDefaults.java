package dev.observability.autoconfigure.logging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Makes the starter's JSON lines ({@link JsonLineStructuredLogFormatter}) the default structured log format of
 * Boot's console and file appenders: a property source of the lowest precedence sets
 * {@code logging.structured.format.console} and {@code logging.structured.format.file}, so a format the application
 * chose anywhere ({@code ecs}, {@code logstash}, {@code gelf}, a class) wins. It runs with the environment
 * post-processors, after the application's configuration is loaded and before Boot's logging system starts, so the
 * first line of the start-up is already formatted. Nothing is added when {@code observability.enabled} or
 * {@code observability.json-logging.enabled} is off, or when the logging system is not Logback.
 */
public final class StructuredLogFormatDefaults implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "observabilityStructuredLogFormat";

    /** The class whose presence means the logging system is Logback, looked up by name. */
    static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isOn(environment, "observability.enabled") || !isOn(environment, "observability.json-logging.enabled")
                || !isLogback(application.getClassLoader())) {
            return;
        }
        String formatter = JsonLineStructuredLogFormatter.class.getName();
        environment.getPropertySources()
            .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("logging.structured.format.console", formatter,
                    "logging.structured.format.file", formatter)));
    }

    /**
     * A switch is off only when Spring binds its value as {@code false} ({@code false}, {@code off}, {@code no},
     * {@code 0}); a value that is not a boolean is left to the binder, which stops the start-up with its report.
     */
    private static boolean isOn(ConfigurableEnvironment environment, String property) {
        try {
            return !Boolean.FALSE.equals(environment.getProperty(property, Boolean.class));
        }
        catch (ConversionException ex) {
            return true;
        }
    }

    private static boolean isLogback(ClassLoader classLoader) {
        String chosen = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        if (chosen != null) {
            return chosen.contains("logback");
        }
        return ClassUtils.isPresent(LOGBACK, classLoader);
    }

    /** @return the lowest precedence: after Boot's own post-processors have loaded the application's configuration */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
