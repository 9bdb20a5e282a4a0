package dev.observability.core.injection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log event whose text tries to end the line and forge a second JSON event yields exactly one line, and the
 * forged object is a plain string inside it, wherever the text is put: message, field key, field value, logger,
 * thread name, exception message.
 */
class LogInjectionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> forgeries() {
        return Stream.of("ok\n{\"level\":\"ERROR\",\"message\":\"forged\",\"admin\":true}",
                "ok\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n",
                "ok\"},\"admin\":true,\"x\":{\"y\":\"", "ok\u2028{\"forged\":true}\u2029",
                "ok\u0085{\"forged\":true}", "ok\u0000\u001b[31m{\"forged\":1}",
                "ok\\\n{\"forged\":true}", "ok\uD800\n{\"forged\":true}");
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void aForgedEventStaysAStringInsideOneLine(String forged) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread thread = new Thread(() -> {
            try (ObservabilityManager manager = ObservabilityManager.builder()
                .adapter(new JsonLoggingAdapter(out), LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
                .build()) {
                manager.start();
                manager.log(LogLevel.WARN, forged, forged, Fields.of("user", forged, forged, "value"),
                        new IllegalStateException(forged));
            }
        }, forged);
        thread.start();
        thread.join();
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).endsWith("\n");
        assertThat(written.split("\\R", -1)).as("lines for a splitter that breaks at any Unicode line break")
            .hasSize(2);
        assertThat(written.chars().filter((c) -> c == '\r').count()).as("carriage returns in the output").isZero();
        JsonNode line = JSON.readTree(written);
        String expected = forged.replace('\uD800', '\uFFFD');
        assertThat(line.get("message").asString()).isEqualTo(expected);
        assertThat(line.get("logger").asString()).isEqualTo(expected);
        assertThat(line.get("thread").asString()).isEqualTo(expected);
        assertThat(line.get("fields").get("user").asString()).isEqualTo(expected);
        assertThat(line.get("fields").get(expected).asString()).isEqualTo("value");
        assertThat(line.get("error").get("message").asString()).isEqualTo(expected);
        assertThat(line.get("level").asString()).isEqualTo("WARN");
        assertThat(line.has("admin")).isFalse();
        assertThat(line.propertyNames()).containsExactly("timestamp", "level", "logger", "thread", "message",
                "fields", "error");
    }
}
