package dev.observability.autoconfigure.opentelemetry.traces;

import java.util.concurrent.TimeUnit;

import dev.observability.autoconfigure.opentelemetry.SpanContexts;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.SpanContextSource;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
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
 * The started span travels on the manager span itself ({@link SpanContextSource#startAttached}): the manager keeps
 * it from the start until the span is delivered and hands it to the adapter as {@link SpanStart#attachment()}. A
 * span the adapter never finishes (adapter switched off, event dropped) disappears with its manager span. The SDK
 * span starts at the manager's start time, and the adapter ends it at the manager's end time, so both ends of the
 * exported span come from one clock.
 */
public final class OpenTelemetrySpanContextSource implements SpanContextSource {

    private final Tracer tracer;

    private final @Nullable OtelTracer micrometerTracer;

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
            return (span != null) ? SpanContexts.toManager(OtelSpan.toOtel(span).getSpanContext()) : null;
        }
        return SpanContexts.toManager(Span.current().getSpanContext());
    }

    @Override
    public Span startAttached(String name, @Nullable SpanContext parent, long startEpochNanos) {
        return this.tracer.spanBuilder(name)
            .setParent(parentContext(parent))
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
            .startSpan();
    }

    /**
     * {@inheritDoc} A no-op SDK (no tracer provider) makes invalid ids: the manager then keeps its own.
     */
    @Override
    public @Nullable SpanContext contextOf(Object attachment) {
        return (attachment instanceof Span span) ? SpanContexts.toManager(span.getSpanContext()) : null;
    }

    /**
     * {@inheritDoc} The SDK's span context knows it already, so no ids are made for the answer.
     */
    @Override
    public boolean hasContext(Object attachment) {
        return attachment instanceof Span span && span.getSpanContext().isValid();
    }

    /**
     * {@inheritDoc} For a manager span without an SDK span of its own (a no-op SDK), its ids are made current.
     */
    @Override
    public Scope makeCurrent(SpanContext span) {
        AutoCloseable scope = makeAttachedCurrent(Span.wrap(SpanContexts.toOpenTelemetry(span)));
        return () -> close(scope);
    }

    /**
     * {@inheritDoc} The scope returned is OpenTelemetry's (or Micrometer Tracing's), as the SDK's
     * {@code makeCurrent()} makes it.
     */
    @Override
    @SuppressWarnings("MustBeClosedChecker") // the manager closes the scope returned here
    public AutoCloseable makeAttachedCurrent(Object attachment) {
        if (!(attachment instanceof Span span)) {
            return Scope.NOOP;
        }
        if (this.micrometerTracer != null) {
            return this.micrometerTracer.withSpan(OtelSpan.fromOtel(span));
        }
        return Context.current().with(span).makeCurrent();
    }

    private static void close(AutoCloseable scope) {
        try {
            scope.close();
        }
        catch (Exception ex) {
            // OpenTelemetry's and Micrometer's scopes declare no exception: there is none to report
        }
    }

    /**
     * @param start a manager span's start, as the adapter receives it
     * @return the OpenTelemetry span this source started for it, or {@code null} when it started none
     */
    static @Nullable Span startedSpan(SpanStart start) {
        return start.attachment(Span.class);
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
        return current.with(Span.wrap(SpanContexts.toOpenTelemetry(parent)));
    }
}
