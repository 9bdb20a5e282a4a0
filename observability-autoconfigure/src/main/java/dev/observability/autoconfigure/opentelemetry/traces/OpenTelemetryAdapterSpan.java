package dev.observability.autoconfigure.opentelemetry.traces;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.observability.autoconfigure.opentelemetry.FieldAttributes;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanStatus;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.jspecify.annotations.Nullable;

/**
 * A manager span's content applied to an OpenTelemetry span: attributes keep their type, events their time,
 * exceptions become OpenTelemetry exception events and the status maps one to one.
 */
final class OpenTelemetryAdapterSpan implements AdapterSpan {

    private final Span span;

    OpenTelemetryAdapterSpan(Span span) {
        this.span = span;
    }

    @Override
    public void setAttribute(String key, @Nullable Object value) {
        FieldAttributes.write(key, value, this.span::setAttribute);
    }

    @Override
    public void addEvent(String name, Fields attributes, Instant time) {
        this.span.addEvent(name, FieldAttributes.of(attributes), time);
    }

    @Override
    public void recordException(Throwable error, Instant time) {
        this.span.recordException(error);
    }

    @Override
    public void setStatus(SpanStatus status, @Nullable String description) {
        StatusCode code = switch (status) {
            case UNSET -> StatusCode.UNSET;
            case OK -> StatusCode.OK;
            case ERROR -> StatusCode.ERROR;
        };
        if (description != null) {
            this.span.setStatus(code, description);
        }
        else {
            this.span.setStatus(code);
        }
    }

    @Override
    public void end(Instant endTime) {
        this.span.end(endTime);
    }

    @Override
    public void end(long endEpochNanos) {
        this.span.end(endEpochNanos, TimeUnit.NANOSECONDS);
    }
}
