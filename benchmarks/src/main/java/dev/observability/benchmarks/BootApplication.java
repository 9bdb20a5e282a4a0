package dev.observability.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application Boot's own paths are measured in: a real Spring Boot application (auto-configuration as on any
 * application's class path: Boot's metrics with its Prometheus registry, its Observation registry and handlers, its
 * Logback logging) with or without the starter. With the starter it runs on the starter's defaults alone, or on them plus one custom
 * adapter ({@link CustomAdapter}: metrics, spans and logs, on its default ASYNC lane), so the beans under measure are
 * the ones the auto-configuration makes: Boot's composite registry with the Micrometer bridge, the Observation
 * bridge's handler, the Logback bridge's appender. Without the starter its auto-configurations are excluded, which
 * is the application before the starter was added.
 */
final class BootApplication implements AutoCloseable {

    /** The logger the log benchmarks write to; the only one at INFO (everything else at WARN, so start-up is quiet). */
    static final String LOGGER = "bench.Orders";

    final ConfigurableApplicationContext context;

    private BootApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param variant {@code boot} (the application without the starter), {@code composite} (the same with a second meter
     * registry, a {@code SimpleMeterRegistry}, so that Boot makes its composite registry as it does with the starter),
     * {@code defaults} (with the starter on its defaults: the Prometheus adapter, no custom adapter) or {@code starter}
     * (with the starter, its defaults and the custom adapter)
     * @param properties further properties, {@code key=value}
     * @return the started application
     */
    static BootApplication start(String variant, String... properties) {
        Class<?> configuration = switch (variant) {
            case "boot", "defaults" -> Plain.class;
            case "composite" -> WithSecondRegistry.class;
            case "starter" -> WithCustomAdapter.class;
            default -> throw new IllegalArgumentException(
                    "variant is boot, composite, defaults or starter, was " + variant);
        };
        boolean withStarter = variant.equals("defaults") || variant.equals("starter");
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.register-shutdown-hook", "false");
        defaults.put("logging.level.root", "warn");
        defaults.put("logging.level." + LOGGER, "info");
        if (!withStarter) {
            defaults.put("spring.autoconfigure.exclude", starterAutoConfigurations());
        }
        for (String property : properties) {
            int equals = property.indexOf('=');
            defaults.put(property.substring(0, equals), property.substring(equals + 1));
        }
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(defaults);
        return new BootApplication(application.run());
    }

    /** @return the starter's auto-configurations, as its jar lists them */
    private static String starterAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, BootApplication.class.getClassLoader())
            .getCandidates()
            .stream()
            .filter((name) -> name.startsWith("dev.observability."))
            .collect(Collectors.joining(","));
    }

    /**
     * @param type a bean type
     * @param <T> the type
     * @return the application's bean of that type (the primary one, as injection would choose)
     */
    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    @Override
    public void close() {
        this.context.close();
    }

    /** The application without the starter. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Plain {

    }

    /** The application without the starter, with a second meter registry next to Boot's Prometheus registry. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WithSecondRegistry {

        @Bean
        SimpleMeterRegistry secondRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** The application with the starter and one custom adapter. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WithCustomAdapter {

        @Bean
        CustomAdapter customAdapter() {
            return new CustomAdapter();
        }
    }
}
