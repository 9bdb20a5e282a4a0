package dev.observability.core.internal.redaction;

import java.time.Instant;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * An adapter's span seen through a {@link Redaction}: attributes and event attributes reach it masked.
 */
final class RedactingAdapterSpan implements AdapterSpan {

    private final AdapterSpan delegate;

    private final Redaction redaction;

    RedactingAdapterSpan(AdapterSpan delegate, Redaction redaction) {
        this.delegate = delegate;
        this.redaction = redaction;
    }

    @Override
    public void setAttribute(String key, @Nullable Object value) {
        this.delegate.setAttribute(key, this.redaction.value(key, value));
    }

    @Override
    public void addEvent(String name, Fields attributes, Instant time) {
        this.delegate.addEvent(name, FieldsRedactor.redact(this.redaction, attributes), time);
    }

    @Override
    public void recordException(Throwable error, Instant time) {
        this.delegate.recordException(error, time);
    }

    @Override
    public void setStatus(SpanStatus status, @Nullable String description) {
        this.delegate.setStatus(status, description);
    }

    @Override
    public void end(Instant endTime) {
        this.delegate.end(endTime);
    }
}
