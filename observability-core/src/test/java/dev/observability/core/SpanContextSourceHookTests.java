package dev.observability.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.dispatch.DispatchMode;
import dev.observability.core.tracing.AdapterSpan;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContext;
import dev.observability.core.tracing.SpanContextSource;
import dev.observability.core.tracing.SpanStart;
import dev.observability.core.tracing.TracingAdapter;
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
    void recordSpanReachesOnlyTheAcceptedTracingAdapters() {
        RecordingTracing wanted = new RecordingTracing("wanted");
        RecordingTracing skipped = new RecordingTracing("skipped");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(wanted).adapter(skipped).build()) {
            manager.start();
            SpanStart start = new SpanStart("GET /orders", OUTSIDE, null, Instant.EPOCH, Fields.of("k", "v"));
            manager.recordSpan(start, (span) -> span.end(Instant.EPOCH), (adapter) -> adapter == wanted);
            manager.recordSpan(new SpanStart(" ", OUTSIDE, null, Instant.EPOCH, Fields.empty()),
                    (span) -> span.end(Instant.EPOCH), (adapter) -> true);
            assertThat(manager.refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
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

    private record RecordingTracing(String name, List<String> spans) implements TracingAdapter {

        RecordingTracing(String name) {
            this(name, new CopyOnWriteArrayList<>());
        }

        @Override
        public DispatchMode preferredDispatch() {
            return DispatchMode.INLINE;
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            return (Instant endTime) -> this.spans.add(start.name() + " " + start.context().spanId());
        }
    }
}
