package dev.observability.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FieldsTests {

    @Test
    void repeatedKeyKeepsTheLastValueInTheFirstPositionAndNullKeysAreDropped() {
        Fields fields = Fields.of("region", "eu", null, "dropped", "order", 42, "region", "us");
        assertThat(fields.keys()).containsExactly("region", "order");
        assertThat(fields.get("region")).isEqualTo("us");
        assertThat(fields.get("order")).isEqualTo(42L);
    }

    @Test
    void keyAtGivesTheKeysInOrderAndRefusesAPositionOutsideThem() {
        Fields fields = Fields.of("region", "eu", "order", 42);
        assertThat(fields.keyAt(0)).isEqualTo("region");
        assertThat(fields.keyAt(1)).isEqualTo("order");
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> fields.keyAt(2));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> fields.keyAt(-1));
    }

    @Test
    void manyPairsFollowTheSameRulesAsFew() {
        List<Object> keysAndValues = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            keysAndValues.add("k" + (i % 25));
            keysAndValues.add(i);
            expected.put("k" + (i % 25), (long) i);
        }
        keysAndValues.add(null);
        keysAndValues.add("dropped");
        assertThat(Fields.of(keysAndValues.toArray()).asMap()).containsExactlyEntriesOf(expected);
    }

    @Test
    void onlyNullKeysGiveEmptyFields() {
        assertThat(Fields.of(null, "a", null, "b")).isSameAs(Fields.empty());
    }
}
