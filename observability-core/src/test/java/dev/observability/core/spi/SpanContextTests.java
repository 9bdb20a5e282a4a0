package dev.observability.core.spi;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
    void anIdIsValidOnlyWithLowerCaseHexDigitsAtItsLengthAndNotAllZero() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            assertThat(SpanContext.isValidSpanId("100000000000000" + c)).as("span id ending in U+%04X", (int) c)
                .isEqualTo(hex);
            assertThat(SpanContext.isValidTraceId(c + "0000000000000000000000000000001"))
                .as("trace id starting with U+%04X", (int) c).isEqualTo(hex);
        }
        assertThat(SpanContext.isValidSpanId("0000000000000000")).as("all zeros").isFalse();
        assertThat(SpanContext.isValidTraceId("00000000000000000000000000000000")).as("all zeros").isFalse();
        assertThat(SpanContext.isValidSpanId("00000000000000001")).as("one digit too many").isFalse();
        assertThat(SpanContext.isValidSpanId("000000000000001")).as("one digit too few").isFalse();
        assertThat(SpanContext.isValidTraceId(null)).isFalse();
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
