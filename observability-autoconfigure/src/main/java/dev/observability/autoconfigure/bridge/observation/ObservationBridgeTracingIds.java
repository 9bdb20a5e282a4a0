package dev.observability.autoconfigure.bridge.observation;

import dev.observability.core.spi.SpanContext;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Reads the ids Micrometer Tracing gave an Observation's span, when Micrometer Tracing is on the classpath; the
 * Observation bridge then reports the span under the same ids as the tracing backend.
 */
class ObservationBridgeTracingIds {

    /** The class whose presence means Micrometer Tracing is on the classpath, looked up by name. */
    static final String MICROMETER_TRACING = "io.micrometer.tracing.handler.TracingObservationHandler";

    private static final ObservationBridgeTracingIds NONE = new ObservationBridgeTracingIds();

    ObservationBridgeTracingIds() {
    }

    /** @return a reader of Micrometer Tracing's ids, or one that finds none when Micrometer Tracing is absent */
    static ObservationBridgeTracingIds forClasspath() {
        return ClassUtils.isPresent(MICROMETER_TRACING, ObservationBridgeTracingIds.class.getClassLoader()) ? new FromMicrometerTracing() : NONE;
    }

    /**
     * @param context an Observation's context
     * @return the ids of the tracing span of the Observation, or {@code null} when there is none
     */
    @Nullable Ids of(Observation.Context context) {
        return null;
    }

    /**
     * A span's ids and its parent's.
     *
     * @param context the span's ids
     * @param parent the parent's ids, or {@code null} for a root span
     */
    record Ids(SpanContext context, @Nullable SpanContext parent) {
    }

    private static final class FromMicrometerTracing extends ObservationBridgeTracingIds {

        @Override
        @Nullable Ids of(Observation.Context context) {
            TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
            Span span = (tracing != null) ? tracing.getSpan() : null;
            if (span == null || span.isNoop()) {
                return null;
            }
            TraceContext ids = span.context();
            if (!SpanContext.isValidTraceId(ids.traceId()) || !SpanContext.isValidSpanId(ids.spanId())) {
                return null;
            }
            boolean sampled = !Boolean.FALSE.equals(ids.sampled());
            String parentId = ids.parentId();
            SpanContext parent = (parentId != null && SpanContext.isValidSpanId(parentId))
                    ? new SpanContext(ids.traceId(), parentId, sampled) : null;
            return new Ids(new SpanContext(ids.traceId(), ids.spanId(), sampled), parent);
        }
    }
}
