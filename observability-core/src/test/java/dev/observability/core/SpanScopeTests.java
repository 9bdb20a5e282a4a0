package dev.observability.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.testing.TestAdapter;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanScopeTests {

    private final TestAdapter tracing = new TestAdapter("tracing", DispatchMode.INLINE);

    private final ObservabilityManager manager = ObservabilityManager.builder().adapter(this.tracing).build();

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws Exception {
        this.other.shutdownNow();
        this.other.awaitTermination(5, TimeUnit.SECONDS);
        this.manager.close();
    }

    private SpanStart delivered(String name) {
        return this.tracing.spans.stream().filter((span) -> span.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void currentSpanIsTheParentOfTheNextAndClosingRestoresThePrevious() {
        this.manager.start();
        try (Span outer = this.manager.startSpan("outer")) {
            assertThat(this.manager.currentSpanContext()).isEqualTo(outer.context());
            try (Span inner = this.manager.startSpan("inner")) {
                assertThat(this.manager.currentSpanContext()).isEqualTo(inner.context());
                assertThat(inner.context().traceId()).isEqualTo(outer.context().traceId());
            }
            assertThat(this.manager.currentSpanContext()).isEqualTo(outer.context());
            this.manager.startSpan("sibling").close();
        }
        assertThat(this.manager.currentSpanContext()).isNull();
        SpanStart outer = delivered("outer");
        assertThat(outer.parent()).isNull();
        assertThat(delivered("inner").parent()).isEqualTo(outer.context());
        assertThat(delivered("sibling").parent()).isEqualTo(outer.context());
    }

    @Test
    void closingOutOfOrderLeavesTheStillOpenSpanCurrentThenNothing() {
        Span outer = this.manager.startSpan("outer");
        Span inner = this.manager.startSpan("inner");
        outer.close();
        assertThat(this.manager.currentSpanContext()).isEqualTo(inner.context());
        inner.close();
        assertThat(this.manager.currentSpanContext()).isNull();
    }

    @Test
    void spanMadeCurrentOnAnotherThreadIsTheParentOfSpansStartedThere() throws Exception {
        try (Span parent = this.manager.startSpan("request")) {
            SpanContext[] seen = this.other.submit(() -> {
                SpanContext before = this.manager.currentSpanContext();
                SpanContext child;
                try (Scope scope = parent.makeCurrent()) {
                    try (Span span = this.manager.startSpan("async-child")) {
                        child = span.context();
                    }
                }
                return new SpanContext[] { before, child, this.manager.currentSpanContext() };
            }).get(10, TimeUnit.SECONDS);
            assertThat(seen[0]).as("nothing current on the other thread before").isNull();
            assertThat(seen[1].traceId()).isEqualTo(parent.context().traceId());
            assertThat(seen[2]).as("closing the scope restored the other thread").isNull();
            assertThat(this.manager.currentSpanContext()).as("this thread untouched").isEqualTo(parent.context());
        }
        assertThat(delivered("async-child").parent()).isEqualTo(delivered("request").context());
    }

    @Test
    void spanStartedOnAnotherThreadWithoutAScopeIsARoot() throws Exception {
        try (Span parent = this.manager.startSpan("request")) {
            this.other.submit(() -> this.manager.startSpan("unrelated").close()).get(10, TimeUnit.SECONDS);
        }
        assertThat(delivered("unrelated").parent()).isNull();
    }

    @Test
    void spanEndedOnAnotherThreadIsNoLongerCurrentWhereItStarted() throws Exception {
        Span started = this.manager.startSpan("handed-over");
        CompletableFuture.runAsync(started::close, this.other).get(10, TimeUnit.SECONDS);
        assertThat(this.manager.currentSpanContext()).isNull();
        this.manager.startSpan("next").close();
        assertThat(delivered("next").parent()).isNull();
        assertThat(this.tracing.spans).hasSize(2);
    }

    @Test
    void scopeOfAnEndedParentOnAnotherThreadStillRestoresThatThread() throws Exception {
        try (Span outer = this.manager.startSpan("outer")) {
            Span handedOver = this.manager.startSpan("handed-over");
            CompletableFuture.runAsync(handedOver::close, this.other).get(10, TimeUnit.SECONDS);
            assertThat(this.manager.currentSpanContext()).isEqualTo(outer.context());
        }
        assertThat(this.manager.currentSpanContext()).isNull();
    }

    @Test
    void closingTwiceDeliversTheSpanOnce() {
        this.manager.start();
        Span span = this.manager.startSpan("once");
        span.close();
        span.close();
        assertThat(this.tracing.spans).hasSize(1);
    }
}
