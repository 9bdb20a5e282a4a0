package dev.observability.core.internal.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.testing.TestAdapter;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans on the default span context source keep their ids as numbers and render them when asked: the strings are
 * W3C ids, the same on every ask and for every receiver, and what a span records is replayed in order, nothing after
 * its end.
 */
class GeneratedIdsSpanTests {

    private final TestAdapter adapter = new TestAdapter("tracing", DispatchMode.INLINE);

    private final ObservabilityManager manager = ObservabilityManager.builder().adapter(this.adapter).build();

    @AfterEach
    void stop() {
        this.manager.close();
    }

    @Test
    void idsAreRenderedAsLowerCaseHexOfTheirNumbers() {
        assertThat(HexIds.spanId(0x1L)).isEqualTo("0000000000000001");
        assertThat(HexIds.spanId(-1L)).isEqualTo("ffffffffffffffff");
        long high = 0x0123456789abcdefL;
        long low = 0xfedcba9876543210L;
        assertThat(HexIds.traceId(high, low)).isEqualTo(paddedHex(high) + paddedHex(low));
        for (int i = 0; i < 1_000; i++) {
            long id = HexIds.randomNonZero();
            assertThat(id).isNotZero();
            assertThat(HexIds.spanId(id)).isEqualTo(paddedHex(id));
        }
    }

    @Test
    void renderedIdsAreValidAndTheSameOnEveryAskAndForTheAdapter() {
        SpanContext seen;
        SpanContext childSeen;
        try (Span span = this.manager.startSpan("outer")) {
            seen = span.context();
            assertThat(SpanContext.isValidTraceId(seen.traceId())).isTrue();
            assertThat(SpanContext.isValidSpanId(seen.spanId())).isTrue();
            assertThat(seen.sampled()).isTrue();
            assertThat(span.context()).isSameAs(seen);
            assertThat(this.manager.currentSpanContext()).isSameAs(seen);
            try (Span child = this.manager.startSpan("inner")) {
                childSeen = child.context();
            }
        }
        assertThat(childSeen.traceId()).isEqualTo(seen.traceId());
        assertThat(childSeen.spanId()).isNotEqualTo(seen.spanId());
        SpanStart inner = delivered("inner");
        SpanStart outer = delivered("outer");
        assertThat(inner.context()).isEqualTo(childSeen);
        assertThat(inner.parent()).isEqualTo(seen);
        assertThat(outer.context()).isEqualTo(seen);
        assertThat(outer.parent()).isNull();
    }

    @Test
    void spansNotAskedForTheirIdsStillDeliverValidDistinctIds() {
        try (Span outer = this.manager.startSpan("outer")) {
            this.manager.startSpan("inner").close();
        }
        SpanStart outer = delivered("outer");
        SpanStart inner = delivered("inner");
        assertThat(SpanContext.isValidTraceId(outer.context().traceId())).isTrue();
        assertThat(inner.context().traceId()).isEqualTo(outer.context().traceId());
        assertThat(inner.parent()).isEqualTo(outer.context());
        assertThat(inner.context().spanId()).isNotEqualTo(outer.context().spanId());
    }

    @Test
    void operationsRecordedWhileAnotherThreadEndsTheSpanAreReplayedInOrderUpToTheEnd() throws Exception {
        int writers = 4;
        int perWriter = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Span span = this.manager.startSpan("contended");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        span.attribute(writer, (long) i);
                    }
                    return null;
                }));
            }
            go.countDown();
            span.close();
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
            span.attribute("after", "end");
        }
        finally {
            pool.shutdownNow();
        }
        List<String> replayed = this.adapter.spanAttributes;
        assertThat(replayed).doesNotContain("after=end");
        for (int w = 0; w < writers; w++) {
            String prefix = "w" + w + "=";
            List<String> ofWriter = replayed.stream().filter((each) -> each.startsWith(prefix)).toList();
            for (int i = 0; i < ofWriter.size(); i++) {
                assertThat(ofWriter.get(i)).isEqualTo(prefix + i);
            }
        }
    }

    private SpanStart delivered(String name) {
        return this.adapter.spans.stream().filter((span) -> span.name().equals(name)).findFirst().orElseThrow();
    }

    private static String paddedHex(long id) {
        return String.format(Locale.ROOT, "%016x", id);
    }
}
