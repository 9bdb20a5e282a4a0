package dev.observability.autoconfigure.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every {@code application.yml} example in {@code docs/*.md} and the README (fenced {@code yaml} blocks whose
 * top-level keys include {@code observability}, {@code spring}, {@code management}, {@code server},
 * {@code logging} or {@code resilience4j}), and the sample application's own {@code application.yml}, is a
 * configuration a user can paste: every key is in the configuration metadata (a misspelt or removed property fails
 * the build), keys inside object-valued maps such as {@code observability.adapters.<name>.*} bind strictly, and the
 * snippet starts a real application context with every auto-configuration on the class path, ours included, so a
 * value the starter refuses fails too. Other YAML blocks (Prometheus rules and scrape configs) are left alone.
 */
class DocumentedYamlSnippetsTests {

    private static final Path REPOSITORY = Path.of("..");

    private static final KnownProperties KNOWN = KnownProperties.fromClassPath();

    /** Reads a snippet as an application does, with Boot's conversion service ({@code access: unrestricted}). */
    private static final WebApplicationContextRunner RUNNER = new WebApplicationContextRunner()
        .withInitializer((context) -> context.getEnvironment().setConversionService(new ApplicationConversionService()))
        .withUserConfiguration(AutoConfiguredApplication.class);

    static Stream<YamlSnippet> applicationSnippets() {
        List<YamlSnippet> snippets = new ArrayList<>();
        FencedBlock.pages(REPOSITORY).forEach((page) -> snippets.addAll(YamlSnippet.in(page)));
        Path sample = REPOSITORY.resolve("sample-app/src/main/resources/application.yml");
        if (Files.exists(sample)) {
            snippets.add(YamlSnippet.of(sample));
        }
        return snippets.stream().filter(YamlSnippet::isApplicationConfiguration);
    }

    @Test
    void theDocsHaveApplicationSnippetsToCheck() {
        assertThat(applicationSnippets().map(YamlSnippet::source))
            .anyMatch((source) -> source.startsWith("getting-started.md"))
            .anyMatch((source) -> source.startsWith("operations.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationSnippets")
    void everyKeyIsAPropertyThatExists(YamlSnippet snippet) {
        assertThat(problems(snippet)).as("properties in %s", snippet).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationSnippets")
    void everySnippetStartsAnApplicationContext(YamlSnippet snippet) {
        runnerWith(snippet).run((context) -> assertThat(context).as("context with %s", snippet).hasNotFailed());
    }

    static Stream<Arguments> propertiesThatDoNotExist() {
        return Stream.of(Arguments.of("misspelt property", "observability.dispatch.queue-size", """
                observability:
                  dispatch:
                    queue-size: 10
                """), Arguments.of("misspelt per-adapter override",
                "observability.adapters.audit.circuit-breaker.wait-duration", """
                observability:
                  adapters:
                    audit:
                      dispatch:
                        queue-capacity: 10
                      circuit-breaker:
                        wait-duration: 10s
                """), Arguments.of("property Boot removed", "management.otlp.tracing.endpoint", """
                management:
                  otlp:
                    tracing:
                      endpoint: http://localhost:4318/v1/traces
                """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertiesThatDoNotExist")
    void aPropertyThatDoesNotExistIsFound(String kind, String key, String yaml) {
        assertThat(problems(new YamlSnippet("test", yaml))).singleElement().asString().contains(key);
    }

    @Test
    void aValueTheStarterRefusesFailsTheContext() {
        YamlSnippet snippet = new YamlSnippet("test", """
                observability:
                  health:
                    failure-threshold: 101
                """);
        assertThat(problems(snippet)).isEmpty();
        runnerWith(snippet).run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void invalidYamlIsReported() {
        YamlSnippet snippet = new YamlSnippet("test", "observability:\n  enabled: [true\n");
        assertThatIllegalStateException().isThrownBy(snippet::load).withMessageContaining("test");
    }

    private static WebApplicationContextRunner runnerWith(YamlSnippet snippet) {
        return RUNNER.withInitializer((context) -> {
            // As SpringApplication does: values such as management.endpoint.<id>.access: read-only convert leniently.
            context.getEnvironment().setConversionService(new ApplicationConversionService());
            snippet.load().forEach((document) -> context.getEnvironment().getPropertySources().addFirst(document));
        });
    }

    /** @return one message per key that no metadata knows, and per key that does not bind in an object map */
    private static List<String> problems(YamlSnippet snippet) {
        List<String> problems = new ArrayList<>();
        snippet.keys().forEach((key) -> KNOWN.problem(key).ifPresent(problems::add));
        List<EnumerablePropertySource<?>> documents = snippet.load();
        for (Map.Entry<String, Class<?>> map : KNOWN.objectValuedMaps().entrySet()) {
            for (EnumerablePropertySource<?> document : documents) {
                strictBindingProblem(document, map.getKey(), map.getValue()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> strictBindingProblem(EnumerablePropertySource<?> document, String name,
            Class<?> valueType) {
        try {
            new Binder(ConfigurationPropertySources.from(document)).bind(name,
                    Bindable.mapOf(String.class, valueType), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
            return Optional.empty();
        }
        catch (RuntimeException ex) {
            Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
            return Optional.of("'" + name + "' does not bind: " + cause.getMessage());
        }
    }

    /** An application as Boot starts it: every auto-configuration whose conditions match, ours included. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AutoConfiguredApplication {

    }
}
