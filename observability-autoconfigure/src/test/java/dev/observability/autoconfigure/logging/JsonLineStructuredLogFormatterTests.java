package dev.observability.autoconfigure.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.observability.core.redaction.Redaction;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineStructuredLogFormatterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonLineStructuredLogFormatter formatter = new JsonLineStructuredLogFormatter(new MockEnvironment());

    static LoggingEvent event(String logger, Level level, String message, Throwable error) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent(JsonLineStructuredLogFormatterTests.class.getName(), context.getLogger(logger), level,
                message, error, null);
    }

    @Test
    void writesAnEventAsOneLineWithTheDocumentedKeysInOrder() {
        LoggingEvent event = event("com.example.Orders", Level.WARN, "placed \"order\"\n\\ done\u0001",
                new IllegalStateException("boom\nline two"));
        event.setMDCPropertyMap(Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331"));
        event.addKeyValuePair(new KeyValuePair("id", 42));
        event.addKeyValuePair(new KeyValuePair("ok", true));
        String line = this.formatter.format(event);
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
        JsonNode json = JSON.readTree(line);
        assertThat(json.propertyNames()).containsExactly("timestamp", "level", "logger", "thread", "message",
                "trace_id", "span_id", "fields", "error");
        assertThat(json.get("level").asString()).isEqualTo("WARN");
        assertThat(json.get("message").asString()).isEqualTo("placed \"order\"\n\\ done\u0001");
        assertThat(json.get("trace_id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(json.get("fields").get("id").asLong()).isEqualTo(42);
        assertThat(json.get("fields").get("ok").asBoolean()).isTrue();
        assertThat(json.get("error").get("type").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(json.get("error").get("message").asString()).isEqualTo("boom\nline two");
        assertThat(json.get("error").get("stack_trace").asString()).contains("boom", "at ");
    }

    @Test
    void escapesTheUnicodeLineBreaksInMessagesKeysMdcValuesAndStackTraces() {
        String breaks = "a\u0085b\u2028c\u2029d";
        LoggingEvent event = event("orders", Level.ERROR, "message " + breaks,
                new IllegalStateException("error " + breaks));
        event.setMDCPropertyMap(Map.of("mdc " + breaks, "mdc value " + breaks));
        event.addKeyValuePair(new KeyValuePair("key " + breaks, "value " + breaks));
        String line = new String(this.formatter.formatAsBytes(event, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("\u0085", "\u2028", "\u2029")
            .contains("a\\u0085b\\u2028c\\u2029d");
        assertThat(line.split("\\R", -1)).as("split at every Unicode line break").hasSize(2);
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("message " + breaks);
        assertThat(json.get("fields").get("mdc " + breaks).asString()).isEqualTo("mdc value " + breaks);
        assertThat(json.get("fields").get("key " + breaks).asString()).isEqualTo("value " + breaks);
        assertThat(json.get("error").get("message").asString()).isEqualTo("error " + breaks);
        assertThat(json.get("error").get("stack_trace").asString())
            .startsWith("java.lang.IllegalStateException: error " + breaks);
    }

    @Test
    void nestsFieldsSoTheyCannotOverwriteAKeyAndMasksSensitiveOnes() {
        LoggingEvent event = event("orders", Level.INFO, "hello", null);
        event.setMDCPropertyMap(Map.of("level", "forged"));
        event.addKeyValuePair(new KeyValuePair("message", "forged"));
        event.addKeyValuePair(new KeyValuePair("db.password", "hunter2"));
        JsonNode json = JSON.readTree(this.formatter.format(event));
        assertThat(json.get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("message").asString()).isEqualTo("hello");
        assertThat(json.get("fields").get("level").asString()).isEqualTo("forged");
        assertThat(json.get("fields").get("db.password").asString()).isEqualTo(Redaction.MASK);
    }

    @Test
    void readsTheRedactionWordsFromTheEnvironment() {
        MockEnvironment environment = new MockEnvironment().withProperty("observability.redaction.sensitive-words",
                "pin");
        LoggingEvent event = event("orders", Level.INFO, "hello", null);
        event.addKeyValuePair(new KeyValuePair("card-pin", "1234"));
        event.addKeyValuePair(new KeyValuePair("password", "kept"));
        JsonNode fields = JSON.readTree(new JsonLineStructuredLogFormatter(environment).format(event)).get("fields");
        assertThat(fields.get("card-pin").asString()).isEqualTo(Redaction.MASK);
        assertThat(fields.get("password").asString()).isEqualTo("kept");
        MockEnvironment off = new MockEnvironment().withProperty("observability.redaction.enabled", "false");
        assertThat(JSON.readTree(new JsonLineStructuredLogFormatter(off).format(event)).get("fields").get("card-pin")
            .asString()).isEqualTo("1234");
    }

    @Test
    void writesTheSameBytesAsItsText() {
        LoggingEvent event = event("orders", Level.ERROR, "caf\u00e9 \uD83D\uDE00", null);
        assertThat(new String(this.formatter.formatAsBytes(event, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
            .isEqualTo(this.formatter.format(event));
        assertThat(this.formatter.formatAsBytes(event, StandardCharsets.ISO_8859_1))
            .isEqualTo(this.formatter.format(event).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void leavesOutFieldsWhenTheEventHasNoneButTraceIds() {
        LoggingEvent event = event("orders", Level.INFO, "hello", null);
        event.setMDCPropertyMap(Map.of("traceId", "t", "spanId", "s"));
        assertThat(JSON.readTree(this.formatter.format(event)).propertyNames()).doesNotContain("fields")
            .contains("trace_id", "span_id");
        assertThat(JSON.readTree(this.formatter.format(event("orders", Level.INFO, "plain", null))).has("trace_id"))
            .isFalse();
    }
}
