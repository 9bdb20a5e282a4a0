package dev.observability.core.adapters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.SpanContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JsonLogFormatTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String write(LogEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLoggingAdapter(out).log(event);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static LogEvent event(String message, Fields fields, Throwable error, SpanContext span) {
        return new LogEvent(Instant.parse("2025-01-31T12:00:00Z"), LogLevel.WARN, "orders", "main", message, fields,
                error, span);
    }

    @Test
    void writesEachTimestampAsTheIsoInstantWithMillisecondsWhateverTheSecondBefore() {
        java.time.format.DateTimeFormatter iso = new java.time.format.DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter();
        Instant[] instants = { Instant.parse("2025-01-31T12:00:00.999Z"), Instant.parse("2025-01-31T12:00:01.007Z"),
                Instant.parse("2025-01-31T12:00:00.120Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("2025-12-31T23:59:59.999999999Z"), Instant.parse("+12025-01-01T00:00:00.001Z") };
        for (Instant instant : instants) {
            LogEvent event = new LogEvent(instant, LogLevel.INFO, "orders", "main", "m", Fields.empty(), null, null);
            assertThat(JSON.readTree(write(event)).get("timestamp").asString()).isEqualTo(iso.format(instant));
        }
    }

    @Test
    void escapesTheUnicodeLineBreaksInEveryStringSoALineSplitterSeesOneLine() {
        String breaks = "a\u0085b\u2028c\u2029d";
        SpanContext span = new SpanContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
        LogEvent event = new LogEvent(Instant.parse("2025-01-31T12:00:00Z"), LogLevel.WARN, "orders" + breaks,
                "main" + breaks, "message " + breaks, Fields.of("key " + breaks, "value " + breaks),
                new IllegalStateException("error " + breaks), span);
        String line = write(event);
        assertThat(line).doesNotContain("\u0085", "\u2028", "\u2029")
            .contains("a\\u0085b\\u2028c\\u2029d");
        assertThat(line.split("\\R", -1)).as("split at every Unicode line break: the line and its newline's end")
            .hasSize(2).endsWith("");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("logger").asString()).isEqualTo("orders" + breaks);
        assertThat(json.get("thread").asString()).isEqualTo("main" + breaks);
        assertThat(json.get("message").asString()).isEqualTo("message " + breaks);
        assertThat(json.get("fields").get("key " + breaks).asString()).isEqualTo("value " + breaks);
        assertThat(json.get("error").get("message").asString()).isEqualTo("error " + breaks);
        assertThat(json.get("error").get("stack_trace").asString())
            .startsWith("java.lang.IllegalStateException: error " + breaks);
    }

    @Test
    void writesEveryDocumentedKeyOnOneLine() {
        SpanContext span = new SpanContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
        String line = write(event("placed \"order\"\n\\ done\u0001", Fields.of("id", 42, "ok", true, "ratio", 0.5,
                "none", null), new IllegalStateException("boom\nline two"), span));
        assertThat(line).endsWith("\n").doesNotContain("\r");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.propertyNames()).containsExactly("timestamp", "level", "logger", "thread", "message",
                "trace_id", "span_id", "fields", "error");
        assertThat(json.get("timestamp").asString()).as("UTC with milliseconds even when they are zero")
            .isEqualTo("2025-01-31T12:00:00.000Z");
        assertThat(json.get("level").asString()).isEqualTo("WARN");
        assertThat(json.get("message").asString()).isEqualTo("placed \"order\"\n\\ done\u0001");
        assertThat(json.get("trace_id").asString()).isEqualTo(span.traceId());
        assertThat(json.get("span_id").asString()).isEqualTo(span.spanId());
        assertThat(json.get("fields").get("id").asLong()).isEqualTo(42);
        assertThat(json.get("fields").get("ok").asBoolean()).isTrue();
        assertThat(json.get("fields").get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(json.get("fields").get("none").isNull()).isTrue();
        assertThat(json.get("error").get("type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error").get("message").asString()).isEqualTo("boom\nline two");
        assertThat(json.get("error").get("stack_trace").asString()).contains("JsonLogFormatTests");
    }

    @Test
    void leavesOutSpanFieldsAndErrorWhenThereAreNone() {
        JsonNode json = JSON.readTree(write(event("plain", Fields.empty(), null, null)));
        assertThat(json.propertyNames()).containsExactly("timestamp", "level", "logger", "thread", "message");
    }

    @Test
    void replacesLoneSurrogatesAndWritesNonFiniteNumbersAsStrings() {
        JsonNode json = JSON.readTree(write(event("a\uD800b\uDC00c 😀", Fields.of("nan", Double.NaN, "inf",
                Double.POSITIVE_INFINITY, "k\uDBFF", "v"), null, null)));
        assertThat(json.get("message").asString()).isEqualTo("a\uFFFDb\uFFFDc 😀");
        assertThat(json.get("fields").get("nan").asString()).isEqualTo("NaN");
        assertThat(json.get("fields").get("inf").asString()).isEqualTo("Infinity");
        assertThat(json.get("fields").get("k\uFFFD").asString()).isEqualTo("v");
    }

    @Test
    void fieldsCannotOverwriteTheLineKeys() {
        JsonNode json = JSON.readTree(write(event("real", Fields.of("message", "forged", "level", "ERROR"), null,
                null)));
        assertThat(json.get("message").asString()).isEqualTo("real");
        assertThat(json.get("fields").get("message").asString()).isEqualTo("forged");
    }

    @Test
    void errorWithANullMessageIsWrittenAsTheTextNull() {
        JsonNode json = JSON.readTree(write(event("m", Fields.empty(), new RuntimeException(), null)));
        assertThat(json.get("error").get("message").asString()).isEqualTo("null");
    }

    @Test
    void replacesLoneSurrogatesInTheStackTrace() {
        JsonNode json = JSON.readTree(write(event("m", Fields.empty(), new IllegalStateException("x\uDC00y"), null)));
        assertThat(json.get("error").get("stack_trace").asString())
            .startsWith("java.lang.IllegalStateException: x\uFFFDy" + System.lineSeparator() + "\tat ");
    }

    @Test
    void aWriterKeptFromLineToLineWritesEachLineAloneWithNothingBetween() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLoggingAdapter adapter = new JsonLoggingAdapter(out);
        adapter.log(event("first", Fields.of("k", 1L), new IllegalStateException("boom"), null));
        adapter.log(event("second", Fields.empty(), null, null));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(JSON.readTree(lines[0]).get("message").asString()).isEqualTo("first");
        assertThat(lines[1]).startsWith("{");
        assertThat(JSON.readTree(lines[1]).propertyNames()).containsExactly("timestamp", "level", "logger", "thread",
                "message");
    }

    @Test
    void aLineThatFailsHalfWrittenLeavesNothingOfItInTheNextLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLoggingAdapter adapter = new JsonLoggingAdapter(out);
        Throwable unreadable = new IllegalStateException() {

            @Override
            public String getMessage() {
                throw new IllegalStateException("a message that cannot be read");
            }
        };
        assertThatIllegalStateException()
            .isThrownBy(() -> adapter.log(event("broken", Fields.of("k", "v"), unreadable, null)));
        adapter.log(event("next", Fields.empty(), null, null));
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("{\"timestamp\"").endsWith("}\n").doesNotContain("broken");
        assertThat(JSON.readTree(line).get("message").asString()).isEqualTo("next");
    }
}
