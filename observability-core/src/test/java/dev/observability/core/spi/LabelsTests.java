package dev.observability.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.internal.metrics.MetricNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelsTests {

    @Test
    void equalLabelsAreEqualWhateverTheOrderTheyWereGivenIn() {
        Labels one = Labels.of("method", "GET", "status", "200", "uri", "/orders");
        Labels other = Labels.of("uri", "/orders", "status", "200", "method", "GET");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("status", "200");
        map.put("uri", "/orders");
        map.put("method", "GET");
        assertThat(one).isEqualTo(other).isEqualTo(Labels.from(map)).hasSameHashCodeAs(other);
        assertThat(new MetricId("http", one)).isEqualTo(new MetricId("http", other));
    }

    @Test
    void entriesAreKeptInKeyOrder() {
        Labels labels = Labels.of("b", "2", "a", "1", "c", "3");
        assertThat(labels.asMap().keySet()).containsExactly("a", "b", "c");
        assertThat(labels.key(0)).isEqualTo("a");
        assertThat(labels.value(2)).isEqualTo("3");
        assertThat(labels.get("b")).isEqualTo("2");
        assertThat(labels.get("missing")).isNull();
    }

    @Test
    void differentValuesOrKeysAreNotEqual() {
        assertThat(Labels.of("a", "1")).isNotEqualTo(Labels.of("a", "2")).isNotEqualTo(Labels.of("b", "1"))
            .isNotEqualTo(Labels.empty());
    }

    @Test
    void keyGivenTwiceKeepsItsLastValue() {
        Labels labels = Labels.of("region", "eu", "region", "us");
        assertThat(labels.isValid()).isTrue();
        assertThat(labels.asMap()).containsExactly(Map.entry("region", "us"));
        assertThat(Labels.of("region", "eu").and("region", "us")).isEqualTo(labels);
    }

    @Test
    void nullKeyOrValueMakesTheLabelsInvalid() {
        assertThat(Labels.of(null, "v").problem()).contains("null");
        assertThat(Labels.of("k", null).problem()).contains("null value");
        assertThat(Labels.of("k", "v").and("other", null).isValid()).isFalse();
        assertThat(Labels.of("bad key", "v").and("good", "v").isValid()).as("invalid stays invalid").isFalse();
    }

    @Test
    void keysMustMatchTheAllowedSetAndLength() {
        assertThat(Labels.of("", "v").isValid()).isFalse();
        assertThat(Labels.of("9lives", "v").isValid()).isFalse();
        assertThat(Labels.of("has space", "v").isValid()).isFalse();
        assertThat(Labels.of("naïve", "v").isValid()).isFalse();
        assertThat(Labels.of("_ok.key-1", "v").isValid()).isTrue();
        assertThat(Labels.of("k".repeat(Labels.MAX_KEY_LENGTH), "v").isValid()).isTrue();
        assertThat(Labels.of("k".repeat(Labels.MAX_KEY_LENGTH + 1), "v").isValid()).isFalse();
    }

    @Test
    void valuesMayHoldAnyTextUpToTheLimitWithLoneSurrogatesReplaced() {
        assertThat(Labels.of("k", "quote\" back\\slash\nnew line ✓ 😀").isValid()).isTrue();
        assertThat(Labels.of("k", "").isValid()).isTrue();
        assertThat(Labels.of("k", "v".repeat(Labels.MAX_VALUE_LENGTH)).isValid()).isTrue();
        assertThat(Labels.of("k", "v".repeat(10_000)).problem()).contains("10000 characters");
        assertThat(Labels.of("k", "a\uD800b").get("k")).isEqualTo("a\uFFFDb");
    }

    @Test
    void oddNumberOfArgumentsIsAProgrammingErrorThatThrowsAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.of("a", "1", "b"))
            .withMessageContaining("odd number");
    }

    @Test
    void metricNamesFollowTheDottedConvention() {
        assertThat(MetricNames.problem("orders.placed_total-2")).isNull();
        assertThat(MetricNames.problem(null)).contains("null or blank");
        assertThat(MetricNames.problem("  ")).contains("null or blank");
        assertThat(MetricNames.problem("2xx")).contains("start with a letter");
        assertThat(MetricNames.problem("orders placed")).contains("outside");
        assertThat(MetricNames.problem("orders{}")).contains("outside");
        assertThat(MetricNames.problem("m".repeat(MetricNames.MAX_LENGTH))).isNull();
        assertThat(MetricNames.problem("m".repeat(10_000))).contains("10000 characters");
    }
}
