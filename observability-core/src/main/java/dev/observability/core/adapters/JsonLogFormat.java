package dev.observability.core.adapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes one log event as exactly one line of JSON in UTF-8: Jackson's streaming writer escapes quotes,
 * backslashes and every control character, and also U+0085, U+2028 and U+2029, which some line splitters take for a
 * line's end ({@link LineBreakEscapes}); lone surrogates are replaced by U+FFFD first, and non-finite numbers are
 * written as strings ({@code "NaN"}, {@code "Infinity"}), so every line is valid JSON, and one line, whatever the
 * input. Escaped text reads back as the same string; these are the only changes to content; length limits are
 * applied earlier, by the manager ({@code LogLimits}).
 * <p>
 * The line's keys, in order: {@code timestamp} (ISO-8601, UTC, always with milliseconds: {@code 2025-01-31T12:00:00.000Z}), {@code level},
 * {@code logger}, {@code thread}, {@code message}, {@code trace_id} and {@code span_id} (inside a span),
 * {@code fields} (an object, when there are any) and {@code error} ({@code type}, {@code message},
 * {@code stack_trace}, when there is one). Fields are nested so they can never overwrite these keys.
 * <p>
 * A {@link LineWriter} writes a {@link LogEvent} of the manager, or any {@link Line} (Spring Boot's structured log
 * formatter of the starter writes each Logback event with it); each thread keeps one.
 */
public final class JsonLogFormat {

    /**
     * Lines follow each other in one writer's buffer: no separator between two root values. Doubles are written with
     * Jackson's Schubfach writer: faster than {@link Double#toString(double)} on Java 17, and the shortest text that
     * reads back as the same double. Every string, keys included, is escaped by {@link LineBreakEscapes}.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .rootValueSeparator((String) null)
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .characterEscapes(new LineBreakEscapes())
        .build();

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(3)
        .toFormatter();

    private static final SerializableString TIMESTAMP_KEY = new SerializedString("timestamp");

    private static final SerializableString LEVEL_KEY = new SerializedString("level");

    private static final SerializableString LOGGER_KEY = new SerializedString("logger");

    private static final SerializableString THREAD_KEY = new SerializedString("thread");

    private static final SerializableString MESSAGE_KEY = new SerializedString("message");

    private static final SerializableString TRACE_ID_KEY = new SerializedString("trace_id");

    private static final SerializableString SPAN_ID_KEY = new SerializedString("span_id");

    private static final SerializableString FIELDS_KEY = new SerializedString("fields");

    private static final SerializableString ERROR_KEY = new SerializedString("error");

    private static final SerializableString TYPE_KEY = new SerializedString("type");

    private static final SerializableString STACK_TRACE_KEY = new SerializedString("stack_trace");

    private static final byte NEWLINE = '\n';

    /** The length of {@code 2025-01-31T12:00:00.}: years of four digits, the only ones the cache serves. */
    private static final int SECOND_LENGTH = 20;

    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, new char[0]);

    private JsonLogFormat() {
    }

    /**
     * What one line holds. Text is written as it is given (lone surrogates replaced); keys of the fields are the
     * caller's, nested under {@code fields}.
     */
    public interface Line {

        Instant timestamp();

        /** @return the level's name ({@code INFO}, ...) */
        String level();

        String logger();

        String thread();

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

    /**
     * Writes lines one after the other into a buffer of its own, with one JSON generator kept from line to line: a
     * thread keeps one writer (it is not safe for several threads), and what a line costs is its own writing. The
     * schema's keys are written from bytes encoded once; a stack trace is printed into a character buffer the writer
     * keeps and written from there. After a line longer than 64 KB the writer lets its buffers go.
     */
    public static final class LineWriter {

        private static final int INITIAL_BUFFER = 512;

        private static final int MAX_RETAINED_BUFFER = 64 * 1024;

        private final char[] timestamp = new char[SECOND_LENGTH + 4];

        private final BiConsumer<String, @Nullable Object> fieldWriter = this::writeField;

        private ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BUFFER);

        private JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), this.bytes);

        private TextBuffer stackTrace = new TextBuffer();

        /**
         * Writes the event as one line and a newline, replacing the line the writer held.
         * @param event the event
         * @return this writer, holding the line
         */
        public LineWriter write(LogEvent event) {
            return write(new EventLine(event));
        }

        /**
         * Writes the line and a newline, replacing the line the writer held.
         * @param line what the line holds
         * @return this writer, holding the line
         */
        public LineWriter write(Line line) {
            if (this.bytes.size() > MAX_RETAINED_BUFFER || this.stackTrace.capacity() > MAX_RETAINED_BUFFER) {
                renew();
            }
            this.bytes.reset();
            try {
                writeObject(line);
                this.json.flush();
            }
            catch (RuntimeException | Error ex) {
                renew(); // the generator stopped inside the line
                throw ex;
            }
            this.bytes.write(NEWLINE);
            return this;
        }

        private void renew() {
            this.bytes = new ByteArrayOutputStream(INITIAL_BUFFER);
            this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), this.bytes);
            this.stackTrace = new TextBuffer();
        }

        /** @return the line's bytes, UTF-8, with its newline */
        public byte[] toByteArray() {
            return this.bytes.toByteArray();
        }

        /** @return the line, with its newline */
        @Override
        public String toString() {
            return this.bytes.toString(StandardCharsets.UTF_8);
        }

        /**
         * @param out receives the line's bytes
         * @throws IOException if the stream throws
         */
        public void writeTo(OutputStream out) throws IOException {
            this.bytes.writeTo(out);
        }

        private void writeObject(Line line) {
            JsonGenerator json = this.json;
            json.writeStartObject();
            json.writeName(TIMESTAMP_KEY);
            writeTimestamp(line.timestamp());
            json.writeName(LEVEL_KEY);
            json.writeString(line.level());
            json.writeName(LOGGER_KEY);
            json.writeString(clean(line.logger()));
            json.writeName(THREAD_KEY);
            json.writeString(clean(line.thread()));
            json.writeName(MESSAGE_KEY);
            json.writeString(clean(line.message()));
            String traceId = line.traceId();
            String spanId = line.spanId();
            if (traceId != null && spanId != null) {
                json.writeName(TRACE_ID_KEY);
                json.writeString(clean(traceId));
                json.writeName(SPAN_ID_KEY);
                json.writeString(clean(spanId));
            }
            if (line.hasFields()) {
                json.writeName(FIELDS_KEY);
                json.writeStartObject();
                line.fields(this.fieldWriter);
                json.writeEndObject();
            }
            Throwable error = line.error();
            if (error != null) {
                json.writeName(ERROR_KEY);
                json.writeStartObject();
                json.writeName(TYPE_KEY);
                json.writeString(error.getClass().getName());
                json.writeName(MESSAGE_KEY);
                json.writeString(clean(String.valueOf(error.getMessage())));
                json.writeName(STACK_TRACE_KEY);
                writeStackTrace(error);
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        private void writeField(String key, @Nullable Object value) {
            JsonGenerator json = this.json;
            json.writeName(clean(key));
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
         * Writes the stack trace as {@link Throwable#printStackTrace()} prints it, lone surrogates replaced
         * ({@link StackTraceText}: each frame's line made and cleaned once), from the writer's own character buffer, so
         * the text is not copied into a string.
         */
        private void writeStackTrace(Throwable error) {
            TextBuffer text = this.stackTrace;
            text.reset();
            StackTraceText.print(error, text);
            this.json.writeString(text.chars(), 0, text.length());
        }

        /**
         * Writes the instant as {@link #TIMESTAMP} does, from the formatted second last seen
         * ({@code 2025-01-31T12:00:00.}) and the milliseconds: formatting a date and time once per second instead of
         * once per line.
         */
        private void writeTimestamp(Instant timestamp) {
            long epochSecond = timestamp.getEpochSecond();
            FormattedSecond second = lastSecond;
            if (second.epochSecond() != epochSecond) {
                String formatted = TIMESTAMP.format(Instant.ofEpochSecond(epochSecond));
                if (formatted.length() != SECOND_LENGTH + 4) {
                    this.json.writeString(TIMESTAMP.format(timestamp));
                    return;
                }
                second = new FormattedSecond(epochSecond, formatted.substring(0, SECOND_LENGTH).toCharArray());
                lastSecond = second;
            }
            char[] text = this.timestamp;
            System.arraycopy(second.prefix(), 0, text, 0, SECOND_LENGTH);
            int millis = timestamp.getNano() / 1_000_000;
            text[SECOND_LENGTH] = (char) ('0' + millis / 100);
            text[SECOND_LENGTH + 1] = (char) ('0' + millis / 10 % 10);
            text[SECOND_LENGTH + 2] = (char) ('0' + millis % 10);
            text[SECOND_LENGTH + 3] = 'Z';
            this.json.writeString(text, 0, SECOND_LENGTH + 4);
        }
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

    /** A second as {@link #TIMESTAMP} formats it, up to and with the dot before the milliseconds. */
    private record FormattedSecond(long epochSecond, char[] prefix) {
    }

    private static String clean(String text) {
        return Utf16.replaceLoneSurrogates(text);
    }
}
