package dev.observability.core;

import dev.observability.core.settings.Range;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.Refusals;
import dev.observability.core.spi.Utf16;

/**
 * Length limits for log events, applied before any adapter sees them, so queues hold bounded events: a message
 * longer than {@code maxMessageLength} and a string field value longer than {@code maxFieldLength} are cut with a
 * {@code …[truncated N chars]} marker, and at most {@code maxFields} fields are kept. Each cut is counted
 * ({@link Refusals#truncations()}).
 *
 * @param maxMessageLength the longest message kept whole, from 1 to 1,048,576 characters
 * @param maxFieldLength the longest string field value kept whole, from 1 to 1,048,576 characters
 * @param maxFields the most fields kept, from 1 to 1,024
 */
public record LogLimits(int maxMessageLength, int maxFieldLength, int maxFields) {

    /** The lengths accepted: a megabyte of text is more than any log backend takes in one record. */
    public static final Range<Integer> LENGTH_RANGE = Range.wholeNumbers(1, 1 << 20);

    /** The numbers of fields accepted: more than a thousand fields is not one event's context. */
    public static final Range<Integer> FIELDS_RANGE = Range.wholeNumbers(1, 1 << 10);

    /** 16,384 characters per message, 4,096 per field value, 64 fields. */
    public static final LogLimits DEFAULTS = new LogLimits(16_384, 4_096, 64);

    /**
     * Validates the limits.
     * @throws IllegalArgumentException naming the limit outside its range, and its value
     */
    public LogLimits {
        LENGTH_RANGE.require("maxMessageLength", maxMessageLength);
        LENGTH_RANGE.require("maxFieldLength", maxFieldLength);
        FIELDS_RANGE.require("maxFields", maxFields);
    }

    LogEvent apply(LogEvent event, Refusals refusals) {
        String message = event.message();
        if (message.length() > this.maxMessageLength) {
            message = Utf16.truncate(message, this.maxMessageLength);
            refusals.truncated();
        }
        Fields fields = event.fields();
        if (needsCut(fields)) {
            fields = cut(fields, refusals);
        }
        if (message == event.message() && fields == event.fields()) {
            return event;
        }
        return new LogEvent(event.timestamp(), event.level(), event.logger(), event.thread(), message, fields,
                event.error(), event.span());
    }

    private boolean needsCut(Fields fields) {
        if (fields.size() > this.maxFields) {
            return true;
        }
        boolean[] tooLong = { false };
        fields.forEach((key, value) -> tooLong[0] |= (value instanceof String text && text.length() > this.maxFieldLength)
                || key.length() > this.maxFieldLength);
        return tooLong[0];
    }

    private Fields cut(Fields fields, Refusals refusals) {
        java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>();
        int[] count = { 0 };
        fields.forEach((key, value) -> {
            if (count[0]++ >= this.maxFields) {
                return;
            }
            Object safe = value;
            if (value instanceof String text && text.length() > this.maxFieldLength) {
                safe = Utf16.truncate(text, this.maxFieldLength);
                refusals.truncated();
            }
            String safeKey = key;
            if (key.length() > this.maxFieldLength) {
                safeKey = Utf16.truncate(key, this.maxFieldLength);
                refusals.truncated();
            }
            kept.put(safeKey, safe);
        });
        if (fields.size() > this.maxFields) {
            refusals.truncated();
        }
        return Fields.from(kept);
    }
}
