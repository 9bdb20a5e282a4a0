package dev.observability.core.internal.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.logging.LogLimits;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.Refusals;
import dev.observability.core.spi.Utf16;

/**
 * Cuts a log event to the {@link LogLimits}: a message or a string field value (or key) over its length is cut with a
 * marker, fields past the most kept are left out, and each cut is counted as a truncation.
 */
final class LogLimiter {

    private final LogLimits limits;

    private final Refusals refusals;

    LogLimiter(LogLimits limits, Refusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    /**
     * @param event an event
     * @return the event within the limits: the same event when nothing was cut
     */
    LogEvent apply(LogEvent event) {
        String message = event.message();
        if (message.length() > this.limits.maxMessageLength()) {
            message = Utf16.truncate(message, this.limits.maxMessageLength());
            this.refusals.truncated();
        }
        Fields fields = event.fields();
        if (needsCut(fields)) {
            fields = cut(fields);
        }
        if (message == event.message() && fields == event.fields()) {
            return event;
        }
        return new LogEvent(event.timestamp(), event.level(), event.logger(), event.thread(), message, fields,
                event.error(), event.span());
    }

    private boolean needsCut(Fields fields) {
        if (fields.size() > this.limits.maxFields()) {
            return true;
        }
        int maxLength = this.limits.maxFieldLength();
        boolean[] tooLong = { false };
        fields.forEach((key, value) -> tooLong[0] |= (value instanceof String text && text.length() > maxLength)
                || key.length() > maxLength);
        return tooLong[0];
    }

    private Fields cut(Fields fields) {
        int maxLength = this.limits.maxFieldLength();
        Map<String, Object> kept = new LinkedHashMap<>();
        int[] count = { 0 };
        fields.forEach((key, value) -> {
            if (count[0]++ >= this.limits.maxFields()) {
                return;
            }
            Object safe = value;
            if (value instanceof String text && text.length() > maxLength) {
                safe = Utf16.truncate(text, maxLength);
                this.refusals.truncated();
            }
            String safeKey = key;
            if (key.length() > maxLength) {
                safeKey = Utf16.truncate(key, maxLength);
                this.refusals.truncated();
            }
            kept.put(safeKey, safe);
        });
        if (fields.size() > this.limits.maxFields()) {
            this.refusals.truncated();
        }
        return Fields.from(kept);
    }
}
