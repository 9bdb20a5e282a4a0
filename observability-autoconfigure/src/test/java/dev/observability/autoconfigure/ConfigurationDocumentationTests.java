package dev.observability.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the configuration metadata that {@code spring-boot-configuration-processor} generated for this build and
 * checks it against itself (every property described) and against {@code docs/configuration.md} (every property
 * listed with the same type, default and description), so the documentation cannot drift from the code.
 */
class ConfigurationDocumentationTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static final Path DOCS = Path.of("../docs/configuration.md");

    private static final String ADAPTER_KEY = "observability.adapters.<name>.";

    @Test
    void everyPropertyHasADescription() throws IOException {
        assertThat(properties()).isNotEmpty().allSatisfy((property) -> assertThat(property.get("description"))
            .as("description of %s", property.get("name")).isInstanceOf(String.class).asString().isNotBlank());
    }

    @Test
    void everyPropertyHasADefaultInTheMetadataOrSaysItInItsDescription() throws IOException {
        assertThat(properties()).allSatisfy((property) -> assertThat(property.containsKey("defaultValue")
                || ((String) property.get("description")).contains("default"))
            .as("default of %s", property.get("name")).isTrue());
    }

    @Test
    void docsListEveryPropertyWithItsTypeDefaultAndDescription() throws IOException {
        List<String> lines = Files.readAllLines(DOCS, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> property : properties()) {
            String row = row(property);
            if (!lines.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing).as("rows missing from or different in docs/configuration.md (paste them in)").isEmpty();
    }

    @Test
    void docsListNoPropertyThatDoesNotExist() throws IOException {
        Set<String> known = properties().stream().map((property) -> (String) property.get("name"))
            .collect(Collectors.toSet());
        Set<String> adapterKeys = adapterKeys();
        List<String> unknown = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `observability.")) {
                String name = line.substring(3, line.indexOf('`', 3));
                boolean exists = name.startsWith(ADAPTER_KEY) ? adapterKeys.contains(name) : known.contains(name);
                if (!exists) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("properties in docs/configuration.md that the code does not have").isEmpty();
    }

    @Test
    void docsListEveryPerAdapterOverride() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(adapterKeys()).allSatisfy((key) -> assertThat(docs).contains("| `" + key + "` |"));
    }

    /** The keys under {@code observability.adapters.<name>.}, from the properties class (maps get no metadata). */
    private static Set<String> adapterKeys() {
        Set<String> keys = new TreeSet<>();
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(ObservabilityProperties.Adapter.class)) {
            if (descriptor.getName().equals("class")) {
                continue;
            }
            if (descriptor.getName().equals("circuitBreaker")) {
                for (PropertyDescriptor nested : BeanUtils
                    .getPropertyDescriptors(ObservabilityProperties.CircuitBreakerOverrides.class)) {
                    if (!nested.getName().equals("class")) {
                        keys.add(ADAPTER_KEY + "circuit-breaker." + kebab(nested.getName()));
                    }
                }
            }
            else {
                keys.add(ADAPTER_KEY + kebab(descriptor.getName()));
            }
        }
        return keys;
    }

    /**
     * @param property a property's metadata
     * @return its row in docs/configuration.md: name, type, default, description
     */
    static String row(Map<String, Object> property) {
        Object defaultValue = property.get("defaultValue");
        String shownDefault = (defaultValue != null) ? "`" + defaultValue.toString().toLowerCase(Locale.ROOT) + "`"
                : "-";
        return "| `" + property.get("name") + "` | " + type((String) property.get("type")) + " | " + shownDefault
                + " | " + property.get("description") + " |";
    }

    private static String type(String type) {
        try {
            Class<?> resolved = ClassUtils.forName(type, ConfigurationDocumentationTests.class.getClassLoader());
            if (resolved.isEnum()) {
                return Arrays.stream(resolved.getEnumConstants())
                    .map((constant) -> "`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "`")
                    .collect(Collectors.joining(", "));
            }
        }
        catch (ClassNotFoundException | LinkageError ex) {
            // A generic type such as java.util.List<java.lang.String>: shown by its simple names.
        }
        return type.replaceAll("[a-z][a-zA-Z0-9_]*\\.", "").replace('$', '.').replace(",", ", ");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Map<String, Object>> properties() throws IOException {
        return JsonPath.read(METADATA.toFile(), "$.properties[*]");
    }
}
