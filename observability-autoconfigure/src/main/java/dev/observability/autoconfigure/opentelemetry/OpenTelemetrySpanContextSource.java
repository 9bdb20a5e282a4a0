package dev.observability.autoconfigure.opentelemetry;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.SpanContext;
import dev.observability.core.tracing.SpanContextSource;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * Gives manager spans the ids of real OpenTelemetry spans. When the manager starts a span, this source starts an
 * OpenTelemetry span under the span current in the OpenTelemetry context (such as Boot's HTTP server span) and the
 * manager span takes its ids; while the manager span is current, its OpenTelemetry span is current too, so
 * {@code RestClient} propagation, Micrometer's {@code Tracer} and the MDC see it. The
 * {@link OpenTelemetryAdapter} later finishes that very span with what the application recorded, so the ids in the
 * logs are the ids the backend receives.
 * <p>
 * The started spans wait in a map whose keys are the manager's {@link SpanContext} objects, held weakly: a span the
 * adapter never finishes (adapter switched off, event dropped) disappears with its manager span.
 */
public final class OpenTelemetrySpanContextSource implements SpanContextSource {

    private final Tracer tracer;

    private final @Nullable OtelTracer micrometerTracer;

    private final Map<SpanContext, Span> startedSpans = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * A source on the OpenTelemetry API alone, for an application without Micrometer Tracing.
     * @param tracer the tracer of the application's OpenTelemetry SDK
     */
    public OpenTelemetrySpanContextSource(Tracer tracer) {
        this(tracer, null);
    }

    /**
     * A source that makes spans current through Micrometer Tracing's OpenTelemetry bridge when the application has
     * one: Micrometer keeps its own entry in the OpenTelemetry context, so a span made current on the
     * OpenTelemetry API alone would stay invisible to Micrometer inside an Observation's scope.
     * @param tracer the tracer of the application's OpenTelemetry SDK
     * @param micrometerTracer the application's Micrometer tracer on the same SDK, or {@code null}
     */
    public OpenTelemetrySpanContextSource(Tracer tracer, @Nullable OtelTracer micrometerTracer) {
        this.tracer = tracer;
        this.micrometerTracer = micrometerTracer;
    }

    @Override
    public @Nullable SpanContext current() {
        if (this.micrometerTracer != null) {
            io.micrometer.tracing.Span span = this.micrometerTracer.currentSpan();
            return (span != null) ? toManager(OtelSpan.toOtel(span).getSpanContext()) : null;
        }
        return toManager(Span.current().getSpanContext());
    }

    @Override
    public SpanContext start(String name, @Nullable SpanContext parent) {
        Span span = this.tracer.spanBuilder(name)
            .setParent(parentContext(parent))
            .setSpanKind(SpanKind.INTERNAL)
            .startSpan();
        SpanContext context = toManager(span.getSpanContext());
        if (context == null) {
            // A no-op SDK (no tracer provider) makes invalid ids: the manager keeps its own.
            return newContext(parent);
        }
        this.startedSpans.put(context, span);
        return context;
    }

    @Override
    public Scope makeCurrent(SpanContext span) {
        if (this.micrometerTracer != null) {
            io.micrometer.tracing.Tracer.SpanInScope scope = this.micrometerTracer
                .withSpan(OtelSpan.fromOtel(spanFor(span)));
            return scope::close;
        }
        io.opentelemetry.context.Scope scope = Context.current().with(spanFor(span)).makeCurrent();
        return scope::close;
    }

    /**
     * Hands over the OpenTelemetry span this source started for a manager span, once.
     * @param context the manager span's ids
     * @return the started span, or {@code null} when this source did not start it or it was taken already
     */
    public @Nullable Span take(SpanContext context) {
        return this.startedSpans.remove(context);
    }

    /**
     * @param parent the manager's ids of a parent span, or {@code null}
     * @return the OpenTelemetry context to start a child of that span in
     */
    Context parentContext(@Nullable SpanContext parent) {
        if (parent == null) {
            return Context.root();
        }
        Context current = Context.current();
        io.opentelemetry.api.trace.SpanContext currentSpan = Span.fromContext(current).getSpanContext();
        if (parent.spanId().equals(currentSpan.getSpanId()) && parent.traceId().equals(currentSpan.getTraceId())) {
            return current;
        }
        return current.with(spanFor(parent));
    }

    private Span spanFor(SpanContext context) {
        Span started = this.startedSpans.get(context);
        return (started != null) ? started : Span.wrap(toOpenTelemetry(context));
    }

    /**
     * @param context a manager span's ids
     * @return the same ids as an OpenTelemetry span context
     */
    static io.opentelemetry.api.trace.SpanContext toOpenTelemetry(SpanContext context) {
        return io.opentelemetry.api.trace.SpanContext.create(context.traceId(), context.spanId(),
                context.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    }

    /**
     * @param context an OpenTelemetry span context
     * @return the same ids in the manager's form, or {@code null} when the context is invalid
     */
    static @Nullable SpanContext toManager(io.opentelemetry.api.trace.SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return new SpanContext(context.getTraceId(), context.getSpanId(), context.isSampled());
    }
}
