package dev.observability.autoconfigure.opentelemetry.traces;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.observability.autoconfigure.SteppingClock;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-over of the SDK span from the span context source to the adapter, on the manager span itself: the real
 * SDK span (not a copy of its ids) is current while the manager span is, the adapter ends that very span, and both
 * of its times come from the manager's clock.
 */
class SpanHandOverTests {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00.000000100Z");

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

    private final Tracer tracer = this.provider.get("test");

    private final OpenTelemetrySpanContextSource source = new OpenTelemetrySpanContextSource(this.tracer);

    @AfterEach
    void close() {
        this.provider.close();
    }

    private ObservabilityManager manager(Clock clock) {
        ObservabilityManager manager = ObservabilityManager.builder()
            .clock(clock)
            .spanContextSource(this.source)
            .adapter(new OpenTelemetryAdapter(this.tracer, SwitchedOnExports.spans()))
            .build();
        // not started: the adapter is INLINE, and no health cycle reads the clock behind the test's back
        return manager;
    }

    @Test
    void theAdapterEndsTheSdkSpanTheSourceStartedWithTheManagersStartAndEndTimes() {
        try (ObservabilityManager manager = manager(new SteppingClock(T0, 5_000_000))) {
            Span span = manager.startSpan("checkout");
            io.opentelemetry.api.trace.Span current = io.opentelemetry.api.trace.Span.current();
            assertThat(current).as("the SDK's own span is current, not a wrapper of its ids")
                .isInstanceOf(ReadableSpan.class);
            assertThat(current.getSpanContext().getSpanId()).isEqualTo(span.context().spanId());
            span.attribute("order", "42");
            span.close();
            assertThat(current.isRecording()).as("ended by the adapter").isFalse();
            SpanData data = ((ReadableSpan) current).toSpanData();
            assertThat(data.getTraceId()).isEqualTo(span.context().traceId());
            assertThat(data.getStartEpochNanos()).isEqualTo(SteppingClock.epochNanos(T0));
            assertThat(data.getEndEpochNanos()).isEqualTo(SteppingClock.epochNanos(T0) + 5_000_000);
            assertThat(data.getAttributes().get(AttributeKey.stringKey("order"))).isEqualTo("42");
        }
    }

    @Test
    void theSdkSpanIsCurrentOnAnotherThreadUnderMakeCurrentAndTheParentOfSpansStartedThere() throws Exception {
        try (ObservabilityManager manager = manager(Clock.systemUTC())) {
            Span parent = manager.startSpan("checkout");
            io.opentelemetry.api.trace.Span parentSdkSpan = io.opentelemetry.api.trace.Span.current();
            ReadableSpan child = CompletableFuture.supplyAsync(() -> {
                try (Scope scope = parent.makeCurrent()) {
                    assertThat(io.opentelemetry.api.trace.Span.current()).isSameAs(parentSdkSpan);
                    try (Span managerChild = manager.startSpan("charge")) {
                        return (ReadableSpan) io.opentelemetry.api.trace.Span.current();
                    }
                }
            }).get(10, TimeUnit.SECONDS);
            parent.close();
            assertThat(child.hasEnded()).isTrue();
            assertThat(child.getParentSpanContext().getSpanId()).isEqualTo(parent.context().spanId());
        }
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void idsMadeWhenAskedAreTheSdkSpansW3cIdsForTheSpanItsChildAndTheLogs() {
        try (ObservabilityManager manager = manager(Clock.systemUTC())) {
            try (Span parent = manager.startSpan("checkout")) {
                io.opentelemetry.api.trace.SpanContext sdkParent = io.opentelemetry.api.trace.Span.current()
                    .getSpanContext();
                try (Span child = manager.startSpan("charge")) {
                    ReadableSpan sdkChild = (ReadableSpan) io.opentelemetry.api.trace.Span.current();
                    assertThat(manager.currentSpanContext()).as("what a log line inside the child reads")
                        .isEqualTo(child.context());
                    assertThat(child.context()).isEqualTo(idsOf(sdkChild.getSpanContext()));
                    assertThat(sdkChild.getParentSpanContext()).isEqualTo(sdkParent);
                }
                assertThat(parent.context()).isEqualTo(idsOf(sdkParent));
            }
        }
    }

    @Test
    void aSpanOfANoopSdkHasIdsOfTheManagersOwnAndTheyAreCurrentInOpenTelemetry() {
        Tracer noop = OpenTelemetry.noop().getTracer("test");
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .spanContextSource(new OpenTelemetrySpanContextSource(noop))
            .adapter(new OpenTelemetryAdapter(noop, SwitchedOnExports.spans()))
            .build()) {
            try (Span span = manager.startSpan("checkout")) {
                SpanContext ids = span.context();
                assertThat(SpanContext.isValidSpanId(ids.spanId())).isTrue();
                assertThat(idsOf(io.opentelemetry.api.trace.Span.current().getSpanContext())).isEqualTo(ids);
            }
        }
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void aSpanTheAdapterNeverReceivesIsNeverEnded() {
        try (ObservabilityManager manager = manager(Clock.systemUTC())) {
            manager.controls().setEnabled(OpenTelemetryAdapter.NAME, false);
            Span span = manager.startSpan("checkout");
            ReadableSpan sdkSpan = (ReadableSpan) io.opentelemetry.api.trace.Span.current();
            span.close();
            assertThat(sdkSpan.hasEnded()).isFalse();
        }
    }

    private static SpanContext idsOf(io.opentelemetry.api.trace.SpanContext context) {
        return new SpanContext(context.getTraceId(), context.getSpanId(), context.isSampled());
    }
}
