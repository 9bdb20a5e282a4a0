package dev.observability.core.internal.redaction;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanStart;

/**
 * Applies a {@link Redaction} to spans made outside the manager: their start attributes, and what is set on an
 * adapter's span afterwards.
 */
public final class SpanRedactor {

    private SpanRedactor() {
    }

    /**
     * @param redaction the rule
     * @param start a span's start, made outside the manager
     * @return the same instance when no start attribute is sensitive, else a copy with the sensitive values masked
     */
    public static SpanStart redact(Redaction redaction, SpanStart start) {
        Fields attributes = FieldsRedactor.redact(redaction, start.attributes());
        return (attributes == start.attributes()) ? start
                : new SpanStart(start.name(), start.context(), start.parent(), start.startTime(), attributes,
                        start.attachment());
    }

    /**
     * @param redaction the rule
     * @param span an adapter's span
     * @return the span itself when redaction is disabled, else a view that masks attributes and event attributes
     * on their way to it
     */
    public static AdapterSpan redact(Redaction redaction, AdapterSpan span) {
        return redaction.isEnabled() ? new RedactingAdapterSpan(span, redaction) : span;
    }
}
