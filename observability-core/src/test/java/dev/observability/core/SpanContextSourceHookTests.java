package dev.observability.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContextSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanContextSourceHookTests {

    private static final SpanContext OUTSIDE = new SpanContext("0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331", true);

    @Test
    void sourceStartsTheSpanAndIsMadeCurrentWhileTheManagerSpanIsCurrent() {
        RecordingSource source = new RecordingSource();
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).build()) {
            manager.start();
            Span span = manager.startSpan("checkout");
            SpanContext context = span.context();
            assertThat(context.traceId()).isEqualTo(OUTSIDE.traceId());
            assertThat(source.calls).containsExactly("start checkout parent=" + OUTSIDE.spanId(),
                    "current " + context.spanId());
            try (Scope scope = span.makeCurrent()) {
                assertThat(source.calls).endsWith("current " + context.spanId());
            }
            assertThat(source.calls).endsWith("closed " + context.spanId());
            span.close();
            assertThat(source.calls).filteredOn((call) -> call.startsWith("closed")).hasSize(2);
        }
    }

    @Test
    void failingSourceScopeNeverReachesTheApplication() {
        SpanContextSource source = new SpanContextSource() {
            @Override
            public Scope makeCurrent(SpanContext span) {
                throw new IllegalStateException("boom");
            }
        };
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).build()) {
            manager.start();
            try (Span span = manager.startSpan("checkout")) {
                assertThat(manager.currentSpanContext()).isEqualTo(span.context());
            }
            assertThat(manager.currentSpanContext()).isNull();
        }
    }

    @Test
    void attachedSpanTravelsOnTheManagerSpanFromStartToEveryAdapter() {
        AttachingSource source = new AttachingSource(true);
        RecordingTracing first = new RecordingTracing("first");
        RecordingTracing second = new RecordingTracing("second");
        Instant now = Instant.parse("2026-11-27T08:00:00.123456789Z");
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source)
            .clock(Clock.fixed(now, ZoneOffset.UTC)).adapter(first).adapter(second).build()) {
            manager.start();
            Span span = manager.startSpan("checkout");
            assertThat(span.context()).isEqualTo(OUTSIDE);
            try (Scope scope = span.makeCurrent()) {
                assertThat(manager.currentSpanContext()).isEqualTo(OUTSIDE);
            }
            span.close();
        }
        assertThat(source.calls).containsExactly("startAttached checkout at " + (now.getEpochSecond() * 1_000_000_000L
                + now.getNano()), "current own-checkout", "current own-checkout");
        assertThat(first.starts()).singleElement().satisfies((start) -> {
            assertThat(start.attachment()).isEqualTo("own-checkout");
            assertThat(start.attachment(String.class)).isEqualTo("own-checkout");
            assertThat(start.attachment(Integer.class)).isNull();
            assertThat(start.startTime()).isEqualTo(now);
        });
        assertThat(second.starts()).singleElement().extracting(SpanStart::attachment).isEqualTo("own-checkout");
    }

    @Test
    void attachedSpanWithoutValidIdsIsDroppedAndTheManagerMakesItsOwnIds() {
        AttachingSource source = new AttachingSource(false);
        RecordingTracing tracing = new RecordingTracing("tracing");
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).adapter(tracing)
            .build()) {
            manager.start();
            manager.startSpan("checkout").close();
        }
        assertThat(source.calls).containsExactly("startAttached checkout at 0", "current null");
        assertThat(tracing.starts()).singleElement().satisfies((start) -> {
            assertThat(start.attachment()).isNull();
            assertThat(start.context()).isNotEqualTo(OUTSIDE);
        });
    }

    @Test
    void startAsksTheSourceWhetherItsSpanHasIdsWithoutMakingThem() {
        AtomicInteger validityAsks = new AtomicInteger();
        AttachingSource source = new AttachingSource(true) {
            @Override
            public boolean hasContext(Object attachment) {
                validityAsks.incrementAndGet();
                return true;
            }

            @Override
            public AutoCloseable makeAttachedCurrent(Object attachment) {
                return Scope.NOOP;
            }
        };
        RecordingTracing tracing = new RecordingTracing("tracing");
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).adapter(tracing)
            .build()) {
            manager.start();
            Span span = manager.startSpan("checkout");
            assertThat(validityAsks).hasValue(1);
            assertThat(source.contextAsks).as("no ids made at the start").hasValue(0);
            span.close();
        }
        assertThat(tracing.starts()).singleElement().satisfies((start) -> {
            assertThat(start.attachment()).isEqualTo("own-checkout");
            assertThat(start.context()).isEqualTo(OUTSIDE);
        });
    }

    @Test
    void attachedSpanTheSourceCallsWithoutIdsIsDroppedAndTheManagerMakesItsOwnIds() {
        AttachingSource source = new AttachingSource(true) {
            @Override
            public boolean hasContext(Object attachment) {
                return false;
            }
        };
        RecordingTracing tracing = new RecordingTracing("tracing");
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).adapter(tracing)
            .build()) {
            manager.start();
            try (Span span = manager.startSpan("checkout")) {
                assertThat(span.context()).isNotEqualTo(OUTSIDE);
            }
            assertThat(source.contextAsks).hasValue(0);
        }
        assertThat(tracing.starts()).singleElement().extracting(SpanStart::attachment).isNull();
    }

    @Test
    void everyAdapterSpanReceivesTheManagersEndTimeInTheFormItTakes() {
        Instant now = Instant.parse("2026-11-27T08:00:00.123456789Z");
        List<Object> ends = new CopyOnWriteArrayList<>();
        TracingAdapter instants = new EndingTracing("instants", (endTime) -> ends.add(endTime));
        TracingAdapter numbers = new EndingTracing("numbers", new AdapterSpan() {
            @Override
            public void end(Instant endTime) {
                throw new AssertionError("a span that takes the end as a number is given a number");
            }

            @Override
            public void end(long endEpochNanos) {
                ends.add(endEpochNanos);
            }
        });
        try (ObservabilityManager manager = ObservabilityManager.builder().clock(Clock.fixed(now, ZoneOffset.UTC))
            .adapter(instants).adapter(numbers).build()) {
            manager.start();
            manager.startSpan("checkout").close();
        }
        assertThat(ends).containsExactlyInAnyOrder(now, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    @Test
    void attachedSpanAsksTheSourceForItsIdsWhenFirstAskedAndKeepsThem() {
        AttachingSource source = new AttachingSource(true);
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).build()) {
            manager.start();
            try (Span span = manager.startSpan("checkout")) {
                int atStart = source.contextAsks.get();
                assertThat(span.context()).isEqualTo(OUTSIDE);
                assertThat(span.context()).isEqualTo(OUTSIDE);
                assertThat(manager.currentSpanContext()).isEqualTo(OUTSIDE);
                assertThat(source.contextAsks).as("asked on the first ask, then kept").hasValue(atStart + 1);
            }
        }
    }

    @Test
    void sourceScopeOfAnAttachedSpanIsClosedWhenTheSpanEndsAndWhatItThrowsStaysInside() {
        AtomicInteger closes = new AtomicInteger();
        AttachingSource source = new AttachingSource(true) {
            @Override
            public AutoCloseable makeAttachedCurrent(Object attachment) {
                return () -> {
                    closes.incrementAndGet();
                    throw new Exception("checked, from the integration's scope");
                };
            }
        };
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source).build()) {
            manager.start();
            Span span = manager.startSpan("checkout");
            span.makeCurrent().close();
            assertThat(closes).hasValue(1);
            span.close();
            assertThat(closes).hasValue(2);
            assertThat(manager.currentSpanContext()).isNull();
        }
    }

    @Test
    void adapterThatReadsOnlyTheAttachmentGetsItWithTheStartAttributesAndNoStart() {
        AttachingSource source = new AttachingSource(true);
        List<String> received = new CopyOnWriteArrayList<>();
        TracingAdapter attachmentOnly = new TracingAdapter() {
            @Override
            public String name() {
                return "attachment-only";
            }

            @Override
            public DispatchMode preferredDispatch() {
                return DispatchMode.INLINE;
            }

            @Override
            public AdapterSpan startSpan(SpanStart start) {
                throw new AssertionError("no start is made for this adapter");
            }

            @Override
            public AdapterSpan startSpan(Object attachment, Fields attributes, Supplier<SpanStart> start) {
                received.add(attachment + " " + attributes.get("order"));
                return (Instant endTime) -> received.add("ended");
            }
        };
        RecordingTracing full = new RecordingTracing("full");
        try (ObservabilityManager manager = ObservabilityManager.builder().spanContextSource(source)
            .adapter(attachmentOnly).adapter(full).build()) {
            manager.start();
            manager.startSpan("checkout", Fields.of("order", 42)).close();
        }
        assertThat(received).containsExactly("own-checkout 42", "ended");
        assertThat(full.starts()).singleElement().satisfies((start) -> {
            assertThat(start.attachment()).isEqualTo("own-checkout");
            assertThat(start.context()).isEqualTo(OUTSIDE);
        });
    }

    @Test
    void recordSpanReachesOnlyTheAcceptedTracingAdapters() {
        RecordingTracing wanted = new RecordingTracing("wanted");
        RecordingTracing skipped = new RecordingTracing("skipped");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(wanted).adapter(skipped).build()) {
            manager.start();
            SpanStart start = new SpanStart("GET /orders", OUTSIDE, null, Instant.EPOCH, Fields.of("k", "v"));
            manager.recordSpan(start, (span) -> span.end(Instant.EPOCH), (adapter) -> adapter == wanted);
            manager.recordSpan(new SpanStart(" ", OUTSIDE, null, Instant.EPOCH, Fields.empty()),
                    (span) -> span.end(Instant.EPOCH), (adapter) -> true);
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
        }
        assertThat(wanted.spans()).containsExactly("GET /orders " + OUTSIDE.spanId());
        assertThat(skipped.spans()).isEmpty();
    }

    private static final class RecordingSource implements SpanContextSource {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public @Nullable SpanContext current() {
            return OUTSIDE;
        }

        @Override
        public SpanContext start(String name, @Nullable SpanContext parent) {
            this.calls.add("start " + name + " parent=" + ((parent != null) ? parent.spanId() : null));
            return newContext(parent);
        }

        @Override
        public Scope makeCurrent(SpanContext span) {
            this.calls.add("current " + span.spanId());
            return () -> this.calls.add("closed " + span.spanId());
        }
    }

    /** A source with spans of its own, kept on the manager's spans; {@code validIds = false} acts as a no-op SDK. */
    private static class AttachingSource implements SpanContextSource {

        final List<String> calls = new CopyOnWriteArrayList<>();

        final AtomicInteger contextAsks = new AtomicInteger();

        private final boolean validIds;

        AttachingSource(boolean validIds) {
            this.validIds = validIds;
        }

        @Override
        public Object startAttached(String name, @Nullable SpanContext parent, long startEpochNanos) {
            this.calls.add("startAttached " + name + " at " + (this.validIds ? startEpochNanos : 0));
            return "own-" + name;
        }

        @Override
        public @Nullable SpanContext contextOf(Object attachment) {
            this.contextAsks.incrementAndGet();
            return this.validIds ? OUTSIDE : null;
        }

        @Override
        public Scope makeCurrent(SpanContext span, @Nullable Object attachment) {
            this.calls.add("current " + attachment);
            return Scope.NOOP;
        }
    }

    /** An INLINE tracing adapter whose every span is the one given. */
    private record EndingTracing(String name, AdapterSpan span) implements TracingAdapter {

        @Override
        public DispatchMode preferredDispatch() {
            return DispatchMode.INLINE;
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            return this.span;
        }
    }

    private record RecordingTracing(String name, List<String> spans, List<SpanStart> starts)
            implements TracingAdapter {

        RecordingTracing(String name) {
            this(name, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public DispatchMode preferredDispatch() {
            return DispatchMode.INLINE;
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            this.starts.add(start);
            return (Instant endTime) -> this.spans.add(start.name() + " " + start.context().spanId());
        }
    }
}
