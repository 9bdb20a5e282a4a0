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
    void randomIdsUseEveryHexDigit() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            digits.append(SpanContext.randomTraceId());
        }
        assertThat(digits.chars().distinct().count()).isEqualTo(16);
    }
}
