package dev.observability.autoconfigure.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.observability.core.adapters.InjectionText;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.Utf16;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the text of a Logback event (message, logger, MDC and key-value pairs, exception message: newlines and the
 * other Unicode line breaks, quotes, control characters, lone surrogates), Boot's console gets exactly one line from
 * the starter's formatter, valid JSON (parsed by Jackson databind), and the content comes back unchanged but for lone
 * surrogates, which become U+FFFD.
 */
class JsonLineFormatterPropertyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonLineStructuredLogFormatter formatter = new JsonLineStructuredLogFormatter(Redaction.disabled());

    @Provide
    Arbitrary<String> text() {
        return InjectionText.text();
    }

    @Property(tries = 300)
    void everyEventIsOneValidJsonLineThatRoundTrips(@ForAll("text") String message, @ForAll("text") String key,
            @ForAll("text") String value, @ForAll("text") String logger) {
        LoggingEvent event = JsonLineStructuredLogFormatterTests.event(logger, Level.INFO, message,
                new IllegalStateException(value));
        event.setMDCPropertyMap(Map.of("mdc" + key, value));
        event.addKeyValuePair(new KeyValuePair(key, value));
        String written = new String(this.formatter.formatAsBytes(event, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        assertThat(written).endsWith("\n");
        assertThat(written.substring(0, written.length() - 1).split("\\R", -1))
            .as("exactly one line, for a splitter that breaks at any Unicode line break").hasSize(1);
        JsonNode line = JSON.readTree(written);
        assertThat(line.get("message").asString()).isEqualTo(Utf16.replaceLoneSurrogates(message));
        assertThat(line.get("logger").asString()).isEqualTo(Utf16.replaceLoneSurrogates(logger));
        assertThat(line.get("fields").get(Utf16.replaceLoneSurrogates("mdc" + key)).asString())
            .isEqualTo(Utf16.replaceLoneSurrogates(value));
        assertThat(line.get("fields").get(Utf16.replaceLoneSurrogates(key)).asString())
            .isEqualTo(Utf16.replaceLoneSurrogates(value));
        assertThat(line.get("error").get("message").asString()).isEqualTo(Utf16.replaceLoneSurrogates(value));
        assertThat(line.get("error").get("stack_trace").asString())
            .startsWith("java.lang.IllegalStateException: " + Utf16.replaceLoneSurrogates(value));
    }
}
