package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.adapter.ObservationNative;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The OpenTelemetry traces adapter, named {@value #NAME}: turns manager spans into OpenTelemetry spans of the
 * application's SDK. A span the
 * {@link OpenTelemetrySpanContextSource} started for the manager span (it arrives as the span's
 * {@link SpanStart#attachment()}) is finished with what the application recorded, so it keeps the ids the logs
 * printed; otherwise (the source was not installed) a span is built with the same name, parent, times and content.
 * The SDK exports in the background: this adapter's health follows the {@link SpanExportAccount}, not the span
 * calls, which only touch memory and are made inline. It is {@link ObservationNative}: Boot's tracing handler
 * already puts every Observation into the same SDK, so the Observation bridge leaves this adapter out.
 */
public final class OpenTelemetryAdapter implements TracingAdapter, ObservationNative {

    /** The name this adapter registers under. */
    public static final String NAME = "opentelemetry-traces";

    private final Tracer tracer;

    private final SpanExportAccount account;

    /**
     * @param tracer the tracer of the application's SDK
     * @param account what the SDK's exporters exported
     */
    public OpenTelemetryAdapter(Tracer tracer, SpanExportAccount account) {
        this.tracer = tracer;
        this.account = account;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public AdapterHealth health() {
        return this.account.health();
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        Span span = OpenTelemetrySpanContextSource.startedSpan(start);
        if (span == null) {
            span = this.tracer.spanBuilder(start.name())
                .setParent(parentOf(start))
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(start.startTime())
                .startSpan();
        }
        FieldAttributes.write(start.attributes(), span::setAttribute);
        return new OpenTelemetryAdapterSpan(span);
    }

    private static Context parentOf(SpanStart start) {
        return (start.parent() != null)
                ? Context.root().with(Span.wrap(OpenTelemetrySpanContextSource.toOpenTelemetry(start.parent())))
                : Context.root();
    }
}
