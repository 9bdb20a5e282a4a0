package dev.observability.benchmarks;

import java.time.Instant;

import dev.observability.core.Fields;
import dev.observability.core.dispatch.DispatchMode;
import dev.observability.core.tracing.AdapterSpan;
import dev.observability.core.tracing.SpanStart;
import dev.observability.core.tracing.TracingAdapter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * A minimal tracing adapter over the OpenTelemetry SDK, standing in for the project's own until it lands: it starts
 * the SDK span with the manager span's name, parent, start time and attributes and ends it at the recorded end
 * time. The SDK picks the span's own id (the project's adapter keeps the manager's).
 */
final class SdkTracingAdapter implements TracingAdapter {

    private final Tracer tracer;

    /** @param tracer the SDK tracer spans are started with */
    SdkTracingAdapter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String name() {
        return "otel-sdk";
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        SpanBuilder builder = this.tracer.spanBuilder(start.name()).setStartTimestamp(start.startTime());
        dev.observability.core.tracing.SpanContext parent = start.parent();
        if (parent != null) {
            SpanContext remote = SpanContext.createFromRemoteParent(parent.traceId(), parent.spanId(),
                    parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
            builder.setParent(Context.root().with(Span.wrap(remote)));
        }
        else {
            builder.setNoParent();
        }
        Fields attributes = start.attributes();
        attributes.forEach((key, value) -> builder.setAttribute(key, String.valueOf(value)));
        Span span = builder.startSpan();
        return new AdapterSpan() {
            @Override
            public void setAttribute(String key, Object value) {
                span.setAttribute(key, String.valueOf(value));
            }

            @Override
            public void end(Instant endTime) {
                span.end(endTime);
            }
        };
    }
}
