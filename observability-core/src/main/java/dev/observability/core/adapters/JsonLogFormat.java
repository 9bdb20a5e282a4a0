package dev.observability.core.adapters;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.function.BiConsumer;

import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.Utf16;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes one log event as exactly one line of JSON in UTF-8: Jackson's streaming writer escapes quotes,
 * backslashes and every control character, lone surrogates are replaced by U+FFFD first, and non-finite numbers are
 * written as strings ({@code "NaN"}, {@code "Infinity"}), so every line is valid JSON whatever the input. These are
 * the only changes to content; length limits are applied earlier, by the manager ({@code LogLimits}).
 * <p>
 * The line's keys, in order: {@code timestamp} (ISO-8601, UTC, always with milliseconds: {@code 2025-01-31T12:00:00.000Z}), {@code level},
 * {@code logger}, {@code thread}, {@code message}, {@code trace_id} and {@code span_id} (inside a span),
 * {@code fields} (an object, when there are any) and {@code error} ({@code type}, {@code message},
 * {@code stack_trace}, when there is one). Fields are nested so they can never overwrite these keys.
 * <p>
 * It writes a {@link LogEvent} of the manager, or any {@link Line} (Spring Boot's structured log formatter of the
 * starter writes each Logback event with it).
 */
public final class JsonLogFormat {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(3)
        .toFormatter();

    private static final byte NEWLINE = '\n';

    /** The length of {@code 2025-01-31T12:00:00.}: years of four digits, the only ones the cache serves. */
    private static final int SECOND_LENGTH = 20;

    private static final ThreadLocal<char[]> TIMESTAMP_CHARS = ThreadLocal.withInitial(() -> new char[SECOND_LENGTH + 4]);

    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, new char[0]);

    /**
     * Writes the event and a newline to the buffer.
     * @param event the event
     * @param buffer receives the line
     */
    public void write(LogEvent event, ByteArrayOutputStream buffer) {
        write(new EventLine(event), buffer);
    }

    /**
     * Writes the line and a newline to the stream.
     * @param line what the line holds
     * @param out receives the line
     */
    public void write(Line line, OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeName("timestamp");
            writeTimestamp(json, line.timestamp());
            json.writeStringProperty("level", line.level());
            json.writeStringProperty("logger", clean(line.logger()));
            json.writeStringProperty("thread", clean(line.thread()));
            json.writeStringProperty("message", clean(line.message()));
            String traceId = line.traceId();
            String spanId = line.spanId();
            if (traceId != null && spanId != null) {
                json.writeStringProperty("trace_id", clean(traceId));
                json.writeStringProperty("span_id", clean(spanId));
            }
            if (line.hasFields()) {
                json.writeName("fields");
                json.writeStartObject();
                line.fields((key, value) -> {
                    json.writeName(clean(key));
                    writeValue(json, value);
                });
                json.writeEndObject();
            }
            Throwable error = line.error();
            if (error != null) {
                json.writeName("error");
                json.writeStartObject();
                json.writeStringProperty("type", error.getClass().getName());
                json.writeStringProperty("message", clean(String.valueOf(error.getMessage())));
                json.writeStringProperty("stack_trace", clean(stackTrace(error)));
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        try {
            out.write(NEWLINE);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * What one line holds. Text is written as it is given (lone surrogates replaced); keys of the fields are the
     * caller's, nested under {@code fields}.
     */
    public interface Line {

        /** @return when it happened */
        Instant timestamp();

        /** @return the level's name ({@code INFO}, ...) */
        String level();

        /** @return the logger's name */
        String logger();

        /** @return the thread's name */
        String thread();

        /** @return the message */
        String message();

        /** @return the trace id of the current span, or {@code null} outside a span */
        @Nullable String traceId();

        /** @return the span id of the current span, or {@code null} outside a span */
        @Nullable String spanId();

        /** @return whether {@link #fields} gives at least one field */
        boolean hasFields();

        /**
         * Gives each field, in order, to the sink.
         * @param sink receives each key and value
         */
        void fields(BiConsumer<String, @Nullable Object> sink);

        /** @return the exception, or {@code null} */
        @Nullable Throwable error();
    }

    private record EventLine(LogEvent event) implements Line {

        @Override
        public Instant timestamp() {
            return this.event.timestamp();
        }

        @Override
        public String level() {
            return this.event.level().name();
        }

        @Override
        public String logger() {
            return this.event.logger();
        }

        @Override
        public String thread() {
            return this.event.thread();
        }

        @Override
        public String message() {
            return this.event.message();
        }

        @Override
        public @Nullable String traceId() {
            SpanContext span = this.event.span();
            return (span != null) ? span.traceId() : null;
        }

        @Override
        public @Nullable String spanId() {
            SpanContext span = this.event.span();
            return (span != null) ? span.spanId() : null;
        }

        @Override
        public boolean hasFields() {
            return !this.event.fields().isEmpty();
        }

        @Override
        public void fields(BiConsumer<String, @Nullable Object> sink) {
            this.event.fields().forEach(sink);
        }

        @Override
        public @Nullable Throwable error() {
            return this.event.error();
        }
    }

    private static void writeValue(JsonGenerator json, @Nullable Object value) {
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof Long number) {
            json.writeNumber(number);
        }
        else if (value instanceof Double number) {
            if (Double.isFinite(number)) {
                json.writeNumber(number);
            }
            else {
                json.writeString(number.toString());
            }
        }
        else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        }
        else {
            json.writeString(clean(value.toString()));
        }
    }

    /**
     * Writes the instant as {@link #TIMESTAMP} does, from the formatted second last seen ({@code 2025-01-31T12:00:00.})
     * and the milliseconds: formatting a date and time once per second instead of once per line.
     */
    private static void writeTimestamp(JsonGenerator json, Instant timestamp) {
        long epochSecond = timestamp.getEpochSecond();
        FormattedSecond second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            String formatted = TIMESTAMP.format(Instant.ofEpochSecond(epochSecond));
            if (formatted.length() != SECOND_LENGTH + 4) {
                json.writeString(TIMESTAMP.format(timestamp));
                return;
            }
            second = new FormattedSecond(epochSecond, formatted.substring(0, SECOND_LENGTH).toCharArray());
            lastSecond = second;
        }
        char[] text = TIMESTAMP_CHARS.get();
        System.arraycopy(second.prefix(), 0, text, 0, SECOND_LENGTH);
        int millis = timestamp.getNano() / 1_000_000;
        text[SECOND_LENGTH] = (char) ('0' + millis / 100);
        text[SECOND_LENGTH + 1] = (char) ('0' + millis / 10 % 10);
        text[SECOND_LENGTH + 2] = (char) ('0' + millis % 10);
        text[SECOND_LENGTH + 3] = 'Z';
        json.writeString(text, 0, SECOND_LENGTH + 4);
    }

    /** A second as {@link #TIMESTAMP} formats it, up to and with the dot before the milliseconds. */
    private record FormattedSecond(long epochSecond, char[] prefix) {
    }

    private static String clean(String text) {
        return Utf16.replaceLoneSurrogates(text);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            error.printStackTrace(writer);
        }
        return out.toString();
    }
}
