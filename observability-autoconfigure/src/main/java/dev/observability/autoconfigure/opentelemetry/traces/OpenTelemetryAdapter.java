package dev.observability.autoconfigure.opentelemetry.traces;

import java.util.function.Supplier;

import dev.observability.autoconfigure.adapter.ObservationNative;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.FieldAttributes;
import dev.observability.autoconfigure.opentelemetry.SdkExportingAdapter;
import dev.observability.autoconfigure.opentelemetry.SpanContexts;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * The OpenTelemetry traces adapter, named {@value #NAME}: turns manager spans into OpenTelemetry spans of the
 * application's SDK. A span the
 * {@link OpenTelemetrySpanContextSource} started for the manager span (it arrives as the span's
 * {@link SpanStart#attachment()}) is finished with what the application recorded, so it keeps the ids the logs
 * printed; otherwise (the source was not installed) a span is built with the same name, parent, times and content.
 * The SDK exports in the background: this adapter's health follows the traces' {@link ExportOutcomes}, not the span
 * calls, which only touch memory and are made inline. It is {@link ObservationNative}: Boot's tracing handler
 * already puts every Observation into the same SDK, so the Observation bridge leaves this adapter out.
 */
public final class OpenTelemetryAdapter extends SdkExportingAdapter implements TracingAdapter, ObservationNative {

    /** The name this adapter registers under. */
    public static final String NAME = "opentelemetry-traces";

    private final Tracer tracer;

    /**
     * @param tracer the tracer of the application's SDK
     * @param exports what the SDK's span exporters exported ({@link ExportOutcomes#ofSpans})
     */
    public OpenTelemetryAdapter(Tracer tracer, ExportOutcomes exports) {
        super(NAME, exports);
        this.tracer = tracer;
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        Span span = OpenTelemetrySpanContextSource.startedSpan(start);
        if (span == null) {
            span = this.tracer.spanBuilder(start.name())
                .setParent(SpanContexts.onlyWith(start.parent()))
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(start.startTime())
                .startSpan();
        }
        return finishing(span, start.attributes());
    }

    /**
     * {@inheritDoc} The span the {@link OpenTelemetrySpanContextSource} started is all this adapter needs of such a
     * start.
     */
    @Override
    public AdapterSpan startSpan(Object attachment, Fields attributes, Supplier<SpanStart> start) {
        return (attachment instanceof Span span) ? finishing(span, attributes) : startSpan(start.get());
    }

    private static AdapterSpan finishing(Span span, Fields attributes) {
        if (!attributes.isEmpty()) {
            FieldAttributes.write(attributes, span::setAttribute);
        }
        return new OpenTelemetryAdapterSpan(span);
    }
}
