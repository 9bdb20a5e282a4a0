package dev.observability.autoconfigure.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.settings.Range;
import dev.observability.core.settings.Setting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No number or duration setting of the starter goes without bounds (Boot's own settings of its endpoint are Boot's), and each bound is written where an operator reads it: the
 * property's description in the generated configuration metadata (so IDEs and {@code docs/configuration.md} show it)
 * and the bounds table of {@code docs/reliability.md}, with the values of the setting's one definition.
 */
class BoundsDocumentationTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static final Path RELIABILITY = Path.of("../docs/reliability.md");

    private static final Set<String> NUMBERS_AND_DURATIONS = Set.of("java.lang.Integer", "int", "java.lang.Long",
            "long", "java.lang.Float", "float", "java.lang.Double", "double", Duration.class.getName());

    @Test
    void everyNumberAndDurationPropertyHasARange() throws IOException {
        Set<String> bounded = BoundedProperty.all().stream().map(BoundedProperty::key).collect(Collectors.toSet());
        assertThat(metadata()).filteredOn((property) -> NUMBERS_AND_DURATIONS.contains(property.get("type")))
            .filteredOn((property) -> ((String) property.get("name")).startsWith("observability.")
                    && property.get("deprecation") == null)
            .isNotEmpty()
            .allSatisfy((property) -> assertThat(bounded).as("range of %s", property.get("name"))
                .contains((String) property.get("name")));
        assertThat(LaneSetting.all()).filteredOn((setting) -> setting.type() != Boolean.class && !setting.type().isEnum())
            .isNotEmpty()
            .allSatisfy((setting) -> assertThat(setting.range()).as("range of %s", setting).isPresent());
    }

    @Test
    void everyBoundedPropertysDescriptionStatesItsRange() throws IOException {
        Map<String, String> descriptions = metadata().stream().collect(Collectors.toMap(
                (property) -> (String) property.get("name"), (property) -> (String) property.get("description")));
        assertThat(BoundedProperty.all()).filteredOn((property) -> !property.key().contains(BoundedProperty.ADAPTER))
            .allSatisfy((property) -> assertThat(descriptions.get(property.key())).as(property.key())
                .contains(property.range().toString()));
    }

    @Test
    void theBoundsTableListsEverySettingWithItsRange() throws IOException {
        List<String> table = Files.readAllLines(RELIABILITY, StandardCharsets.UTF_8);
        String perAdapter = "observability.adapters." + BoundedProperty.ADAPTER + ".";
        for (BoundedProperty<?> property : BoundedProperty.all()) {
            String key = property.key();
            if (key.startsWith(perAdapter)) {
                assertHasRow(table, "`" + key.substring(perAdapter.length()) + "`", property.range());
            }
            else if (LaneSetting.named(key.substring("observability.".length())).isEmpty()) {
                assertHasRow(table, "`" + key + "`", property.range());
            }
        }
        assertHasRow(table, "`LogLimits.maxMessageLength`, `LogLimits.maxFieldLength` (Java builder)",
                LogLimits.LENGTH_RANGE);
        assertHasRow(table, "`LogLimits.maxFields` (Java builder)", LogLimits.FIELDS_RANGE);
    }

    /** A lane setting's row names it as under {@code observability.adapters.<name>.} and in the endpoint's body. */
    private static void assertHasRow(List<String> table, String setting, Range<?> range) {
        String row = "| " + setting + " | " + Setting.show(range.min()) + " | " + Setting.show(range.max()) + " | ";
        assertThat(table).as("a row starting %s", row).anySatisfy((line) -> assertThat(line).startsWith(row));
    }

    private static List<Map<String, Object>> metadata() throws IOException {
        return JsonPath.read(METADATA.toFile(), "$.properties[*]");
    }
}
