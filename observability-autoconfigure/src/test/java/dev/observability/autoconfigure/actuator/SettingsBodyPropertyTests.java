package dev.observability.autoconfigure.actuator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.observability.core.ManagerSetting;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.settings.Setting;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever settings a body names and with whatever values (good, bad or {@code null}), naming them as the YAML nests
 * them or by their flat names, group by group, reads as the same change of settings, or is refused with the same
 * reason.
 */
class SettingsBodyPropertyTests {

    private static final List<String> VALUES = List.of("true", "false", "20", "0", "-1", "1.5", "20000", "10s",
            "500ms", "PT1M", "inline", "async", "debug", "loud", "", "two\nlines");

    private final SettingsBody<?> lanes = new SettingsBody<>(LaneSetting.all());

    private final SettingsBody<?> managerWide = new SettingsBody<>(ManagerSetting.all());

    @Provide
    Arbitrary<Body> laneBodies() {
        return bodies(LaneSetting.all());
    }

    @Provide
    Arbitrary<Body> managerBodies() {
        return bodies(ManagerSetting.all());
    }

    @Property(tries = 500)
    void aLaneBodyNestedAsInTheYamlMeansWhatItsFlatNamesMean(@ForAll("laneBodies") Body body) {
        assertThat(FlatBody.of(body.nested())).isEqualTo(body.flat());
        assertThat(outcome(this.lanes, body.nested())).isEqualTo(outcome(this.lanes, body.flat()));
    }

    @Property(tries = 200)
    void aManagerBodyNestedAsInTheYamlMeansWhatItsFlatNamesMean(@ForAll("managerBodies") Body body) {
        assertThat(FlatBody.of(body.nested())).isEqualTo(body.flat());
        assertThat(outcome(this.managerWide, body.nested())).isEqualTo(outcome(this.managerWide, body.flat()));
    }

    /** @return the change a body reads as, or the reason it is refused */
    private static Object outcome(SettingsBody<?> reader, Map<String, ?> body) {
        try {
            return reader.read(body);
        }
        catch (IllegalArgumentException ex) {
            return "refused: " + ex.getMessage();
        }
    }

    /**
     * Some of the settings, in their order, each with a value from {@link #VALUES} or {@code null}, with the groups
     * whose settings are nested under the group's name.
     */
    private static Arbitrary<Body> bodies(List<? extends Setting<?, ?>> settings) {
        List<String> names = settings.stream().map(Setting::name).toList();
        Set<String> groups = names.stream().filter((name) -> name.contains(".")).map(SettingsBodyPropertyTests::group)
            .collect(Collectors.toSet());
        Arbitrary<List<String>> values = Arbitraries.of(VALUES).injectNull(0.2).list().ofSize(names.size());
        return Combinators.combine(Arbitraries.subsetOf(names), values, Arbitraries.subsetOf(groups))
            .as((chosen, chosenValues, nestedGroups) -> body(names, chosen, chosenValues, nestedGroups));
    }

    private static Body body(List<String> names, Set<String> chosen, List<String> values, Set<String> nestedGroups) {
        Map<String, Object> flat = new LinkedHashMap<>();
        Map<String, Object> nested = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (chosen.contains(name)) {
                flat.put(name, values.get(i));
                if (nestedGroups.contains(group(name))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> members = (Map<String, Object>) nested.computeIfAbsent(group(name),
                            (group) -> new LinkedHashMap<>());
                    members.put(name.substring(group(name).length() + 1), values.get(i));
                }
                else {
                    nested.put(name, values.get(i));
                }
            }
        }
        return new Body(flat, nested);
    }

    private static String group(String name) {
        int dot = name.indexOf('.');
        return (dot > 0) ? name.substring(0, dot) : name;
    }

    /** A body by flat names and the same nested group by group. */
    record Body(Map<String, Object> flat, Map<String, Object> nested) {

        @Override
        public String toString() {
            return "flat " + new ArrayList<>(this.flat.entrySet()) + ", nested " + this.nested;
        }
    }
}
