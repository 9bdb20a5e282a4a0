package dev.observability.autoconfigure.aot;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.observability.autoconfigure.actuator.ObservabilityEndpoint;
import dev.observability.autoconfigure.actuator.ObservabilityHealthContributor;
import dev.observability.autoconfigure.logging.JsonLineStructuredLogFormatter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.TestAdapter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter through Spring's ahead-of-time processing, as {@code spring-boot:process-aot} runs it on an
 * application: the application context's bean definitions are turned into generated code and runtime hints, the code
 * is compiled, and a new context is started from the generated initializer alone, with every backend present
 * (Prometheus, OpenTelemetry traces, metrics and logs, the bridges, Actuator) and an application's own adapter.
 */
class AotProcessingTests {

    private static final String[] ADAPTERS = { "audit", "prometheus", "opentelemetry-traces",
            "opentelemetry-metrics", "opentelemetry-logs" };

    /** Boot's OTLP registry publishes only when it closes, to port 0, which refuses every connection. */
    private static final String[] PROPERTIES = { "observability.json-logging.enabled=false",
            "management.endpoints.web.exposure.include=health,observability",
            "management.endpoint.health.show-details=always", "management.tracing.sampling.probability=1.0",
            "management.otlp.metrics.export.url=http://127.0.0.1:0/v1/metrics",
            "management.otlp.metrics.export.step=1d" };

    /** What the processing generated, made once for the class: the processing is the slow part. */
    private static @Nullable Generated generated;

    /** The forked class loader lets the compiled code reach package-private classes, as an application's does. */
    @Test
    @CompileWithForkedClassLoader
    void startsFromTheGeneratedInitializerWithTheManagerAdaptersEndpointAndHealth() {
        Generated aot = generated();
        TestCompiler.forSystem().with(aot.generation()).compile((compiled) -> {
            try (GenericApplicationContext context = new GenericApplicationContext()) {
                TestPropertyValues.of(PROPERTIES).applyTo(context);
                @SuppressWarnings("unchecked")
                ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
                    .getInstance(ApplicationContextInitializer.class, aot.initializer());
                initializer.initialize(context);
                context.refresh();
                assertTheStarterWorks(context);
            }
        });
    }

    @Test
    void hintsTheStartersRegistrarsThroughAotFactories() throws NoSuchMethodException {
        RuntimeHints hints = generated().generation().getRuntimeHints();
        assertThat(RuntimeHintsPredicates.reflection()
            .onConstructorInvocation(JsonLineStructuredLogFormatter.class.getConstructor(Environment.class)))
            .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(TracingObservationHandler.class)).accepts(hints);
    }

    @Test
    void hintsTheEndpointsOperationsThroughBootsOwnProcessing() {
        RuntimeHints hints = generated().generation().getRuntimeHints();
        for (String operation : List.of("adapters", "adapter", "configure", "configureManager")) {
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ObservabilityEndpoint.class, operation))
                .as(operation)
                .accepts(hints);
        }
    }

    @Test
    void hintsEveryConfigurationPropertiesSetterThroughBootsOwnProcessing() {
        RuntimeHints hints = generated().generation().getRuntimeHints();
        Set<Class<?>> bound = boundTypes();
        assertThat(bound).hasSizeGreaterThan(configurationPropertiesTypes().size());
        for (Class<?> type : bound) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
            for (Method setter : setters(type)) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter))
                    .as(type.getSimpleName() + "." + setter.getName())
                    .accepts(hints);
            }
        }
    }

    private static void assertTheStarterWorks(GenericApplicationContext context) {
        ObservabilityManager manager = context.getBean(ObservabilityManager.class);
        assertThat(manager.controls().adapters()).extracting(AdapterSnapshot::name)
            .containsExactlyInAnyOrder(ADAPTERS);

        manager.counter("aot.checked", Labels.of("mode", "aot"));
        manager.log(LogLevel.INFO, "started ahead of time");
        manager.startSpan("aot.checked").close();
        TestAdapter audit = context.getBean(TestAdapter.class);
        assertThat(audit.events).anyMatch((event) -> event.startsWith("counter ") && event.contains("aot.checked"))
            .contains("log started ahead of time");
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
                .contains("aot_checked_total{mode=\"aot\"} 1.0"));
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(delivered(manager, "opentelemetry-traces", Signal.TRACING)).isEqualTo(1));

        assertThat(context.getBean(ObservabilityEndpoint.class).adapters()).extractingByKey("adapters")
            .asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsOnlyKeys((Object[]) ADAPTERS);
        assertThat(context.getBeansOfType(ObservabilityHealthContributor.class)).hasSize(1);
        CompositeHealthDescriptor health = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        CompositeHealthDescriptor observability = (CompositeHealthDescriptor) health.getComponents()
            .get("observability");
        assertThat(observability.getComponents()).containsKeys(ADAPTERS);
    }

    private static long delivered(ObservabilityManager manager, String adapter, Signal signal) {
        return manager.controls()
            .adapter(adapter)
            .map((snapshot) -> snapshot.counts().get(signal).delivered())
            .orElse(0L);
    }

    /**
     * Runs the AOT processing once over the prepared (not refreshed) context, as {@code process-aot} does on an
     * application, and keeps the generated code and hints.
     */
    private static synchronized Generated generated() {
        Generated made = generated;
        if (made == null) {
            List<Generated> result = new ArrayList<>();
            runner().prepare((prepared) -> {
                GenericApplicationContext source = (GenericApplicationContext) prepared.getSourceApplicationContext();
                TestGenerationContext generation = new TestGenerationContext();
                ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
                generation.writeGeneratedContent();
                result.add(new Generated(generation, initializer.reflectionName()));
            });
            made = result.get(0);
            generated = made;
        }
        return made;
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(bootsAutoConfigurations()))
            .withConfiguration(AutoConfigurations.of(startersAutoConfigurations()))
            .withUserConfiguration(ApplicationAdapterConfiguration.class)
            .withPropertyValues(PROPERTIES);
    }

    private static Class<?>[] bootsAutoConfigurations() {
        return new Class<?>[] { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class, OtlpMetricsExportAutoConfiguration.class,
                ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                OpenTelemetryLoggingAutoConfiguration.class, EndpointAutoConfiguration.class,
                HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                HealthEndpointAutoConfiguration.class };
    }

    /** Every auto-configuration the starter lists in its {@code AutoConfiguration.imports}. */
    private static Class<?>[] startersAutoConfigurations() {
        ClassLoader classLoader = AotProcessingTests.class.getClassLoader();
        return ImportCandidates.load(AutoConfiguration.class, classLoader)
            .getCandidates()
            .stream()
            .filter((name) -> name.startsWith("dev.observability."))
            .map((name) -> ClassUtils.resolveClassName(name, classLoader))
            .toArray(Class<?>[]::new);
    }

    /** Every {@code @ConfigurationProperties} class of the starter, found by a scan of its packages. */
    private static List<Class<?>> configurationPropertiesTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents("dev.observability.autoconfigure")
            .stream()
            .map(BeanDefinition::getBeanClassName)
            .<Class<?>>map((name) -> ClassUtils.resolveClassName(String.valueOf(name), null))
            .toList();
    }

    /**
     * The starter's {@code @ConfigurationProperties} classes and the classes of theirs they bind through a getter,
     * directly or as a map's values.
     */
    private static Set<Class<?>> boundTypes() {
        Set<Class<?>> found = new LinkedHashSet<>();
        configurationPropertiesTypes().forEach((type) -> addBound(type, found));
        return found;
    }

    private static void addBound(Class<?> type, Set<Class<?>> found) {
        if (!found.add(type)) {
            return;
        }
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("get") && method.getParameterCount() == 0) {
                ResolvableType returned = ResolvableType.forMethodReturnType(method);
                Class<?> bound = Map.class.isAssignableFrom(returned.toClass())
                        ? returned.asMap().getGeneric(1).toClass() : returned.toClass();
                if (bound.getName().startsWith("dev.observability.autoconfigure.") && !bound.isEnum()) {
                    addBound(bound, found);
                }
            }
        }
    }

    private static List<Method> setters(Class<?> type) {
        return Arrays.stream(type.getMethods())
            .filter((method) -> method.getName().startsWith("set") && method.getParameterCount() == 1
                    && !Modifier.isStatic(method.getModifiers()))
            .toList();
    }

    /** The generated code and hints, and the name of the generated initializer. */
    private record Generated(TestGenerationContext generation, String initializer) {
    }

    /**
     * The application's own adapter, declared in a configuration class as an application declares it (AOT generates
     * code for a bean method, not for a bean's instance supplier); inline, so it has received a recording when the
     * call returns.
     */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationAdapterConfiguration {

        @Bean
        TestAdapter audit() {
            return new TestAdapter("audit", DispatchMode.INLINE);
        }
    }
}
