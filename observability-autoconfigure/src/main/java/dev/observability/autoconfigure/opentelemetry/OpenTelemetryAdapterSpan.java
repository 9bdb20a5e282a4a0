package dev.observability.autoconfigure.opentelemetry;

import java.time.Instant;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanStatus;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
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
        AttributesBuilder builder = Attributes.builder();
        put(builder, key, value);
        this.span.setAllAttributes(builder.build());
    }

    @Override
    public void addEvent(String name, Fields attributes, Instant time) {
        this.span.addEvent(name, toAttributes(attributes), time);
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

    /**
     * @param fields a manager span's or event's fields
     * @return the same as OpenTelemetry attributes, without {@code null} values
     */
    static Attributes toAttributes(Fields fields) {
        if (fields.isEmpty()) {
            return Attributes.empty();
        }
        AttributesBuilder builder = Attributes.builder();
        fields.forEach((key, value) -> put(builder, key, value));
        return builder.build();
    }

    /** Keeps a value's type; a {@code null} value sets nothing. */
    private static void put(AttributesBuilder builder, String key, @Nullable Object value) {
        if (value instanceof String text) {
            builder.put(key, text);
        }
        else if (value instanceof Long number) {
            builder.put(key, number);
        }
        else if (value instanceof Double number) {
            builder.put(key, number);
        }
        else if (value instanceof Boolean flag) {
            builder.put(key, flag);
        }
    }
}
