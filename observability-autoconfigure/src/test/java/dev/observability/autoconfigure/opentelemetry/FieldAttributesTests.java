package dev.observability.autoconfigure.opentelemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.core.spi.Fields;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldAttributesTests {

    @Test
    void eachValueKeepsItsTypeAndANullValueWritesNothing() {
        Fields fields = Fields.of("sku", "A-1").with("quantity", 3).with("price", 9.5).with("gift", true)
            .with("coupon", null);

        Attributes attributes = FieldAttributes.of(fields);

        assertThat(attributes.get(AttributeKey.stringKey("sku"))).isEqualTo("A-1");
        assertThat(attributes.get(AttributeKey.longKey("quantity"))).isEqualTo(3L);
        assertThat(attributes.get(AttributeKey.doubleKey("price"))).isEqualTo(9.5);
        assertThat(attributes.get(AttributeKey.booleanKey("gift"))).isTrue();
        assertThat(attributes.size()).as("no attribute for the null value").isEqualTo(4);
    }

    @Test
    void theKeyOfANameIsMadeOnceAndUsedForEveryEvent() {
        List<AttributeKey<?>> keys = new ArrayList<>();
        FieldAttributes.Target target = new FieldAttributes.Target() {
            @Override
            public <T> void set(AttributeKey<T> key, T value) {
                keys.add(key);
            }
        };

        FieldAttributes.write("order.id", "o-1", target);
        FieldAttributes.write("order.id", "o-2", target);

        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isSameAs(keys.get(0));
    }

    @Test
    void namesPastTheKeptOnesAreStillWritten() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i <= FieldAttributes.KEPT_KEYS; i++) {
            fields.put("bound." + i, "v" + i);
        }

        Attributes attributes = FieldAttributes.of(Fields.from(fields));

        assertThat(attributes.size()).isEqualTo(FieldAttributes.KEPT_KEYS + 1);
        assertThat(attributes.get(AttributeKey.stringKey("bound." + FieldAttributes.KEPT_KEYS)))
            .isEqualTo("v" + FieldAttributes.KEPT_KEYS);
    }
}
