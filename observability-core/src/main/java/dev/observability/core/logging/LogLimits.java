package dev.observability.core.logging;

import dev.observability.core.settings.Range;
import dev.observability.core.spi.Refusals;

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
}
