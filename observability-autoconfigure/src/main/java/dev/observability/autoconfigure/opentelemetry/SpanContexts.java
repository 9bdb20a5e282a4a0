package dev.observability.autoconfigure.opentelemetry;

import dev.observability.core.spi.SpanContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * A span's ids in the manager's form and in OpenTelemetry's, both ways.
 */
public final class SpanContexts {

    private SpanContexts() {
    }

    /**
     * @param context a manager span's ids
     * @return the same ids as an OpenTelemetry span context
     */
    public static io.opentelemetry.api.trace.SpanContext toOpenTelemetry(SpanContext context) {
        return io.opentelemetry.api.trace.SpanContext.create(context.traceId(), context.spanId(),
                context.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    }

    /**
     * @param context an OpenTelemetry span context
     * @return the same ids in the manager's form, or {@code null} when the context is invalid
     */
    public static @Nullable SpanContext toManager(io.opentelemetry.api.trace.SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return new SpanContext(context.getTraceId(), context.getSpanId(), context.isSampled());
    }

    /**
     * @param span a manager span's ids, or {@code null}
     * @return a context that holds only that span, or the root context for none: never the context current where
     * this runs, which may be a lane's
     */
    public static Context onlyWith(@Nullable SpanContext span) {
        return (span != null) ? Context.root().with(Span.wrap(toOpenTelemetry(span))) : Context.root();
    }
}
