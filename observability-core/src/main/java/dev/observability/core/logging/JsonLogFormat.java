package dev.observability.core.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import dev.observability.core.Fields;
import dev.observability.core.text.Utf16;
import dev.observability.core.tracing.SpanContext;
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
 */
public final class JsonLogFormat {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(3)
        .toFormatter();

    private static final byte NEWLINE = '\n';

    /**
     * Writes the event and a newline to the buffer.
     * @param event the event
     * @param buffer receives the line
     */
    public void write(LogEvent event, ByteArrayOutputStream buffer) {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), buffer)) {
            json.writeStartObject();
            json.writeStringProperty("timestamp", TIMESTAMP.format(event.timestamp()));
            json.writeStringProperty("level", event.level().name());
            json.writeStringProperty("logger", clean(event.logger()));
            json.writeStringProperty("thread", clean(event.thread()));
            json.writeStringProperty("message", clean(event.message()));
            SpanContext span = event.span();
            if (span != null) {
                json.writeStringProperty("trace_id", span.traceId());
                json.writeStringProperty("span_id", span.spanId());
            }
            if (!event.fields().isEmpty()) {
                json.writeName("fields");
                writeFields(json, event.fields());
            }
            Throwable error = event.error();
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
        buffer.write(NEWLINE);
    }

    private static void writeFields(JsonGenerator json, Fields fields) {
        json.writeStartObject();
        fields.forEach((key, value) -> {
            json.writeName(clean(key));
            writeValue(json, value);
        });
        json.writeEndObject();
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
