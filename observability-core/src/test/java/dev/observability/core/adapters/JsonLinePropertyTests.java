package dev.observability.core.adapters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.Utf16;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the text, each event is exactly one line, every line is valid JSON (parsed by Jackson databind), and
 * the content comes back unchanged except for the documented replacements: lone surrogates become U+FFFD, and text
 * over the limits is cut with a marker.
 */
class JsonLinePropertyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final LogLimits LIMITS = new LogLimits(16_384, 4_096, 64);

    @Provide
    Arbitrary<String> text() {
        return InjectionText.text();
    }

    @Property(tries = 300)
    void everyEventIsOneValidJsonLineThatRoundTrips(@ForAll("text") String message, @ForAll("text") String key,
            @ForAll("text") String value, @ForAll("text") String logger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new JsonLoggingAdapter(out), LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .signalEnabled(Signal.HEALTH, false)
            .redaction(Redaction.disabled())
            .logLimits(LIMITS)
            .build()) {
            manager.log(LogLevel.INFO, logger, message, Fields.of(key, value), null);
            manager.log(LogLevel.ERROR, "second", message, Fields.empty(), new IllegalStateException(value));
        }
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).endsWith("\n");
        String[] lines = written.substring(0, written.length() - 1).split("\\R", -1);
        assertThat(lines).as("exactly one line per event, for a splitter that breaks at any Unicode line break")
            .hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        JsonNode second = JSON.readTree(lines[1]);
        assertThat(first.get("message").asString()).isEqualTo(expected(message, LIMITS.maxMessageLength()));
        assertThat(first.get("logger").asString()).isEqualTo(Utf16.replaceLoneSurrogates(logger));
        Map.Entry<String, JsonNode> field = first.get("fields").properties().iterator().next();
        assertThat(field.getKey()).isEqualTo(expected(key, LIMITS.maxFieldLength()));
        assertThat(field.getValue().asString()).isEqualTo(expected(value, LIMITS.maxFieldLength()));
        assertThat(second.get("error").get("message").asString()).isEqualTo(Utf16.replaceLoneSurrogates(value));
        assertThat(second.get("error").get("stack_trace").asString())
            .startsWith("java.lang.IllegalStateException: " + Utf16.replaceLoneSurrogates(value));
    }

    private static String expected(String text, int limit) {
        return Utf16.replaceLoneSurrogates(Utf16.truncate(text, limit));
    }
}
