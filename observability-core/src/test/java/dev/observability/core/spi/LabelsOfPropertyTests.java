package dev.observability.core.spi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Labels#of} builds a few pairs without maps and more through them: whatever the pairs (keys given twice,
 * invalid keys and values among valid ones, any order), it builds what the rules say, which is what a map of the
 * same pairs, put in the order given, builds through {@link Labels#from}: the same entries, the same validity and
 * the same first problem.
 */
class LabelsOfPropertyTests {

    @Property(tries = 1000)
    void ofBuildsWhatTheMapOfTheSamePairsBuilds(@ForAll("pairs") List<@Nullable String> keysAndValues) {
        Map<@Nullable String, @Nullable String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            map.put(keysAndValues.get(i), keysAndValues.get(i + 1));
        }
        Labels built = Labels.of(keysAndValues.toArray(new String[0]));
        Labels expected = Labels.from(map);
        assertThat(built).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(built.asMap()).containsExactlyEntriesOf(expected.asMap());
        assertThat(built.problem()).isEqualTo(expected.problem());
    }

    @Provide
    Arbitrary<List<@Nullable String>> pairs() {
        Arbitrary<@Nullable String> keys = Arbitraries.of("a", "b", "B", "_x", "a.b", "z-1", "", "1st", "sp ace")
            .injectNull(0.05);
        Arbitrary<@Nullable String> values = Arbitraries.oneOf(Arbitraries.of("", "v", "eu", "\uD800lone"),
                Arbitraries.strings().ofLength(Labels.MAX_VALUE_LENGTH + 1))
            .injectNull(0.05);
        return Combinators.combine(keys, values)
            .as((key, value) -> Arrays.asList(key, value))
            .list()
            .ofMinSize(1)
            .ofMaxSize(12)
            .map((pairs) -> pairs.stream().flatMap(List::stream).toList());
    }
}
