package dev.observability.autoconfigure.actuator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a write to the {@code observability} endpoint, read whole up to {@value #MAX_BYTES} bytes and
 * parsed strictly: one JSON object, a key given once per object and nothing after it. Numbers keep their digits
 * (a fraction is read as a decimal, not a double), since a setting reads a value as its text.
 */
final class JsonBody {

    /** The largest body read: a change of every setting takes a few hundred bytes. */
    static final int MAX_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    private JsonBody() {
    }

    /**
     * @param body the body's bytes
     * @return the body's object: keys in their order, nested objects as maps
     * @throws IOException when the body cannot be read
     * @throws IllegalArgumentException with a one-line reason for a body over the bound, malformed JSON or a JSON
     * value other than an object
     */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the body is over " + MAX_BYTES / 1024 + " KB; a change of settings "
                    + "takes far less");
        }
        Object value = parse(bytes);
        if (value instanceof Map<?, ?> object) {
            return (Map<String, @Nullable Object>) object;
        }
        throw new IllegalArgumentException(SettingsBody.notAnObject(kind(value)));
    }

    /**
     * @param settings settings by their flat names
     * @return them as a JSON object
     */
    static byte[] write(Map<String, @Nullable Object> settings) {
        return JSON.writeValueAsBytes(settings);
    }

    private static @Nullable Object parse(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Object.class);
        }
        catch (JacksonException ex) {
            TokenStreamLocation location = ex.getLocation();
            String where = (location != null)
                    ? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
            throw new IllegalArgumentException("the body is not valid JSON" + where + ": "
                    + OneLine.cut(ex.getOriginalMessage()));
        }
    }

    private static String kind(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Collection<?>) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return (value instanceof Number) ? "a number" : "a string";
    }
}
