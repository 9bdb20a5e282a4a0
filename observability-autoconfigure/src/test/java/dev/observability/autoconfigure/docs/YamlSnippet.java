package dev.observability.autoconfigure.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * A fenced {@code yaml} block of a Markdown page (or a whole YAML file), loaded the way Spring Boot loads
 * {@code application.yml}: one property source per YAML document, keys flattened ({@code a.b.c}, lists as
 * {@code a.b[0]}).
 *
 * @param source the file and line the snippet starts on, for messages
 * @param text the YAML text
 */
record YamlSnippet(String source, String text) {

    /** Top-level keys that make a snippet an application's configuration rather than, say, a Prometheus rule file. */
    private static final Set<String> APPLICATION_ROOTS = Set.of("observability", "spring", "management", "server",
            "logging", "resilience4j");

    /**
     * @param markdown a Markdown file
     * @return its {@code yaml} and {@code yml} fenced blocks, in order
     */
    static List<YamlSnippet> in(Path markdown) {
        return FencedBlock.in(markdown).stream()
            .filter(FencedBlock::isYaml)
            .map((block) -> new YamlSnippet(block.source(), block.text()))
            .toList();
    }

    /**
     * @param yaml a YAML file
     * @return the whole file as one snippet
     */
    static YamlSnippet of(Path yaml) {
        return new YamlSnippet(yaml.getFileName().toString(), String.join("\n", FencedBlock.read(yaml)));
    }

    /** @return one property source per YAML document */
    List<EnumerablePropertySource<?>> load() {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(this.source,
                    new ByteArrayResource(this.text.getBytes(StandardCharsets.UTF_8), this.source));
            List<EnumerablePropertySource<?>> enumerable = new ArrayList<>();
            documents.forEach((document) -> enumerable.add((EnumerablePropertySource<?>) document));
            return enumerable;
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException(this.source + " is not valid YAML: " + ex.getMessage(), ex);
        }
    }

    /** @return the flattened keys of every document */
    List<String> keys() {
        return load().stream().flatMap((document) -> List.of(document.getPropertyNames()).stream()).toList();
    }

    /** @return whether a top-level key is one of an application's ({@code observability}, {@code spring}, ...) */
    boolean isApplicationConfiguration() {
        return keys().stream().map((key) -> key.split("[.\\[]", 2)[0]).anyMatch(APPLICATION_ROOTS::contains);
    }

    @Override
    public String toString() {
        return this.source;
    }
}
