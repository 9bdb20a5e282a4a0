package dev.observability.core.spi;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpanContextTests {

    @Test
    void randomIdsAreValidW3cIdsAndDiffer() {
        Set<String> traceIds = new HashSet<>();
        Set<String> spanIds = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String traceId = SpanContext.randomTraceId();
            String spanId = SpanContext.randomSpanId();
            assertThat(SpanContext.isValidTraceId(traceId)).as(traceId).isTrue();
            assertThat(SpanContext.isValidSpanId(spanId)).as(spanId).isTrue();
            traceIds.add(traceId);
            spanIds.add(spanId);
        }
        assertThat(traceIds).hasSize(1_000);
        assertThat(spanIds).hasSize(1_000);
    }

    @Test
    void idsOfLowerCaseHexDigitsNotAllZeroAreValid() {
        assertThat(SpanContext.isValidTraceId("0af7651916cd43dd8448eb211c80319c")).isTrue();
        assertThat(SpanContext.isValidSpanId("b7ad6b7169203331")).isTrue();
        assertThat(SpanContext.isValidSpanId("0000000000000001")).isTrue();
        assertThat(SpanContext.isValidSpanId("f000000000000000")).isTrue();
    }

    @Test
    void idsWithAnyOtherCharacterAreInvalidEvenWhenItsLowByteIsAHexDigit() {
        String valid = "b7ad6b7169203331";
        for (char other : new char[] { 'A', 'F', 'g', '/', ':', '`', ' ', '\u0000', '\u0130', '\u0161', '\uff39' }) {
            for (int at : new int[] { 0, 7, 15 }) {
                String id = valid.substring(0, at) + other + valid.substring(at + 1);
                assertThat(SpanContext.isValidSpanId(id)).as("'%s' at %d", other, at).isFalse();
            }
        }
    }

    @Test
    void idsOfTheWrongLengthAllZerosOrNullAreInvalidAndTheConstructorRefusesThem() {
        assertThat(SpanContext.isValidSpanId("b7ad6b716920333")).isFalse();
        assertThat(SpanContext.isValidSpanId("b7ad6b71692033310")).isFalse();
        assertThat(SpanContext.isValidSpanId("0000000000000000")).isFalse();
        assertThat(SpanContext.isValidTraceId("00000000000000000000000000000000")).isFalse();
        assertThat(SpanContext.isValidTraceId(null)).isFalse();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SpanContext("0af7651916cd43dd8448eb211c80319c", "0000000000000000", true))
            .withMessageContaining("span id");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SpanContext("0AF7651916CD43DD8448EB211C80319C", "b7ad6b7169203331", true))
            .withMessageContaining("trace id");
    }

    @Test
    void randomIdsUseEveryHexDigit() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            digits.append(SpanContext.randomTraceId());
        }
        assertThat(digits.chars().distinct().count()).isEqualTo(16);
    }
}
