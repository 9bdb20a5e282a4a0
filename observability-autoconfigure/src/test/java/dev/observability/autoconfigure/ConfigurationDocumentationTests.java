package dev.observability.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.health.HealthSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.ApplicationConversionService;
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

    private static final String RENAMED_SECTION = "## Removed and renamed keys";

    @Test
    void everyPropertyHasADescription() throws IOException {
        assertThat(properties()).isNotEmpty().allSatisfy((property) -> assertThat(property.get("description"))
            .as("description of %s", property.get("name")).isInstanceOf(String.class).asString().isNotBlank());
    }

    @Test
    void everyPropertyHasADefaultInTheMetadataOrSaysItInItsDescription() throws IOException {
        assertThat(currentProperties()).allSatisfy((property) -> assertThat(property.containsKey("defaultValue")
                || ((String) property.get("description")).contains("default"))
            .as("default of %s", property.get("name")).isTrue());
    }

    /**
     * A description that ends by stating one value as the default, {@code (default 1000)}, has that default in the
     * metadata too, so the default column shows it. Not meant: {@code (default: ...)} (another property, the
     * adapter's preference), a default computed from other settings, and maps, whose entries have no default.
     */
    @Test
    void everyDefaultADescriptionStatesIsInTheMetadata() throws IOException {
        Pattern stated = Pattern.compile("\\(default [^ :,()]+\\)\\.?$");
        assertThat(currentProperties()).allSatisfy((property) -> {
            boolean map = ((String) property.get("type")).startsWith("java.util.Map");
            if (!map && stated.matcher((String) property.get("description")).find()) {
                assertThat(property.get("defaultValue")).as("metadata default of %s", property.get("name")).isNotNull();
            }
        });
    }

    @Test
    void docsListEveryPropertyWithItsTypeDefaultAndDescription() throws IOException {
        List<String> lines = Files.readAllLines(DOCS, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> property : currentProperties()) {
            String row = row(property);
            if (!lines.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing).as("rows missing from or different in docs/configuration.md (paste them in)").isEmpty();
    }

    @Test
    void docsListNoPropertyThatDoesNotExist() throws IOException {
        Set<String> known = currentProperties().stream().map((property) -> (String) property.get("name"))
            .collect(Collectors.toSet());
        Set<String> adapterKeys = adapterKeys();
        List<String> unknown = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
            if (line.equals(RENAMED_SECTION)) {
                break;
            }
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
    void docsListEveryRenamedKeyWithWhatReplacesIt() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        String renamed = docs.substring(docs.indexOf(RENAMED_SECTION));
        List<Map<String, Object>> retired = properties().stream().filter(ConfigurationDocumentationTests::isRetired)
            .toList();
        assertThat(retired).isNotEmpty().allSatisfy((property) -> {
            Map<?, ?> deprecation = (Map<?, ?>) property.get("deprecation");
            assertThat(renamed).contains("| `" + property.get("name") + "` | `" + deprecation.get("replacement") + "`");
        });
    }

    /**
     * A default that a description states, {@code (default 8192)}, is the default in the metadata (which the docs'
     * default column shows), so the description cannot say one default and the metadata another.
     */
    @Test
    void everyDefaultADescriptionStatesIsTheMetadatasDefault() throws IOException {
        Pattern stated = Pattern.compile("\\(default ([^ :,()]+)\\)\\.?$");
        assertThat(currentProperties()).allSatisfy((property) -> {
            Matcher matcher = stated.matcher((String) property.get("description"));
            if (matcher.find() && property.get("defaultValue") != null) {
                assertThat(String.valueOf(property.get("defaultValue")).toLowerCase(Locale.ROOT))
                    .as("metadata default of %s", property.get("name"))
                    .isEqualTo(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        });
    }

    /**
     * Every lane setting of the core is a property under {@code observability.adapters.<name>.} by the same name (the
     * name the {@code observability} endpoint reads at runtime), and one with a default of every lane
     * ({@code observability.dispatch.*}, {@code observability.circuit-breaker.*}) documents the core's default there.
     */
    @Test
    void everyLaneSettingIsAPerAdapterPropertyAndItsDocumentedDefaultIsTheCores() throws IOException {
        Map<String, Object> defaults = metadataDefaults();
        assertThat(LaneSetting.all()).allSatisfy((setting) -> {
            assertThat(adapterKeys()).contains(ADAPTER_KEY + setting.name());
            if (setting.name().startsWith("dispatch.") || setting.name().startsWith("circuit-breaker.")) {
                Object documented = defaults.get("observability." + setting.name());
                assertThat(converted(documented, setting.type())).as("default of %s", setting)
                    .isEqualTo(setting.defaultValue());
            }
        });
    }

    @Test
    void documentedHealthDefaultsAreTheCores() throws IOException {
        Map<String, Object> defaults = metadataDefaults();
        HealthSettings core = HealthSettings.DEFAULTS;
        assertThat(converted(defaults.get("observability.health.interval"), Duration.class)).isEqualTo(core.interval());
        assertThat(converted(defaults.get("observability.health.timeout"), Duration.class)).isEqualTo(core.timeout());
        assertThat(converted(defaults.get("observability.health.failure-threshold"), Integer.class))
            .isEqualTo(core.failureThreshold());
    }

    /**
     * Every setting of the manager that changes at runtime is the property of the same name under
     * {@code observability.}, documented with the core's default, but the trace sampling probability, which is
     * Boot's; so are the manager's shutdown timeout and failure log interval.
     */
    @Test
    void everyManagerSettingIsAPropertyAndTheManagersDocumentedDefaultsAreTheCores() throws IOException {
        Map<String, Object> defaults = metadataDefaults();
        assertThat(ManagerSetting.SAMPLING_PROBABILITY.property()).isEqualTo("management.tracing.sampling.probability");
        assertThat(ManagerSetting.all()).filteredOn((setting) -> setting != ManagerSetting.SAMPLING_PROBABILITY)
            .allSatisfy((setting) -> assertThat(setting.property()).isEqualTo("observability." + setting.name()))
            .allSatisfy((setting) -> assertThat(converted(defaults.get(setting.property()), setting.type()))
                .as("default of %s", setting).isEqualTo(setting.get(ManagerSettings.DEFAULTS)));
        assertThat(converted(defaults.get("observability.dispatch.shutdown-timeout"), Duration.class))
            .isEqualTo(ObservabilityManagerBuilder.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(converted(defaults.get("observability.dispatch.failure-log-interval"), Duration.class))
            .isEqualTo(ObservabilityManagerBuilder.DEFAULT_FAILURE_LOG_INTERVAL);
    }

    @Test
    void documentedDefaultsAreTheCoresDefaults() throws IOException {
        assertThat(metadataDefaults()).containsEntry("observability.redaction.sensitive-words",
                dev.observability.core.redaction.Redaction.DEFAULT_WORDS)
            .containsEntry("observability.prometheus.cardinality.max-label-sets-per-metric",
                    MicrometerAdapterSettings.DEFAULT_MAX_LABEL_SETS_PER_METRIC)
            .containsEntry("observability.prometheus.cardinality.max-metric-names",
                    MicrometerAdapterSettings.DEFAULT_MAX_METRIC_NAMES)
            .containsEntry("observability.opentelemetry.metrics.cardinality.max-label-sets-per-metric",
                    MicrometerAdapterSettings.DEFAULT_MAX_LABEL_SETS_PER_METRIC)
            .containsEntry("observability.opentelemetry.metrics.cardinality.max-metric-names",
                    MicrometerAdapterSettings.DEFAULT_MAX_METRIC_NAMES);
    }

    @Test
    void docsListEveryPerAdapterOverride() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(adapterKeys()).allSatisfy((key) -> assertThat(docs).contains("| `" + key + "` |"));
    }

    private static Map<String, Object> metadataDefaults() throws IOException {
        return currentProperties().stream()
            .filter((property) -> property.get("defaultValue") != null)
            .collect(Collectors.toMap((property) -> (String) property.get("name"),
                    (property) -> property.get("defaultValue")));
    }

    /** A documented default as Boot binds it: its text converted to the setting's type. */
    private static @Nullable Object converted(@Nullable Object documented, Class<?> type) {
        return (documented != null)
                ? ApplicationConversionService.getSharedInstance().convert(String.valueOf(documented), type) : null;
    }

    /** The keys under {@code observability.adapters.<name>.}, from the properties class (maps get no metadata). */
    private static Set<String> adapterKeys() {
        Set<String> keys = new TreeSet<>();
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(ObservabilityProperties.Adapter.class)) {
            if (descriptor.getName().equals("class")) {
                continue;
            }
            Class<?> nestedType = descriptor.getPropertyType();
            if (nestedType.getDeclaringClass() == ObservabilityProperties.class) {
                for (PropertyDescriptor nested : BeanUtils.getPropertyDescriptors(nestedType)) {
                    if (!nested.getName().equals("class")) {
                        keys.add(ADAPTER_KEY + kebab(descriptor.getName()) + "." + kebab(nested.getName()));
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
        String text = (defaultValue instanceof List<?> list)
                ? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(defaultValue);
        String shownDefault = (defaultValue != null) ? "`" + text.toLowerCase(Locale.ROOT) + "`" : "-";
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

    /** @return the properties that exist: all but the removed or renamed ones, kept in the metadata as errors */
    private static List<Map<String, Object>> currentProperties() throws IOException {
        return properties().stream().filter((property) -> !isRetired(property)).toList();
    }

    private static boolean isRetired(Map<String, Object> property) {
        return property.get("deprecation") instanceof Map<?, ?> deprecation && "error".equals(deprecation.get("level"));
    }
}
