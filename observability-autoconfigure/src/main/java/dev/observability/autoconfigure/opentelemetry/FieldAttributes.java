package dev.observability.autoconfigure.opentelemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.observability.core.spi.Fields;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The manager's fields as OpenTelemetry attributes, written straight into what carries them (a log record, a span, an
 * event's attributes) without an intermediate {@link Attributes}. A value keeps its type ({@link String},
 * {@link Long}, {@link Double}, {@link Boolean}, the types {@link Fields} keeps); a {@code null} value sets nothing.
 * The {@link AttributeKey} of each name is made once and kept, for up to {@value #KEPT_KEYS} names per type (field
 * names are few and fixed in an application; past the bound a key is made for each use, as OpenTelemetry's own
 * {@code put(String, ...)} does).
 */
public final class FieldAttributes {

    /** How many keys of each type are kept. */
    static final int KEPT_KEYS = 1024;

    private static final KeptKeys<String> STRING_KEYS = new KeptKeys<>(AttributeKey::stringKey);

    private static final KeptKeys<Long> LONG_KEYS = new KeptKeys<>(AttributeKey::longKey);

    private static final KeptKeys<Double> DOUBLE_KEYS = new KeptKeys<>(AttributeKey::doubleKey);

    private static final KeptKeys<Boolean> BOOLEAN_KEYS = new KeptKeys<>(AttributeKey::booleanKey);

    private FieldAttributes() {
    }

    /** What an attribute is written into: a log record's, a span's or an attributes builder's typed setter. */
    @FunctionalInterface
    public interface Target {

        /**
         * @param <T> the value's type
         * @param key the attribute's key
         * @param value its value
         */
        <T> void set(AttributeKey<T> key, T value);
    }

    /**
     * @param fields a manager span's or event's fields
     * @param target where each field is written as an attribute
     */
    public static void write(Fields fields, Target target) {
        if (!fields.isEmpty()) {
            fields.forEach((key, value) -> write(key, value, target));
        }
    }

    /**
     * @param key a field's name
     * @param value its value; {@code null} writes nothing
     * @param target where it is written as an attribute
     */
    public static void write(String key, @Nullable Object value, Target target) {
        if (value instanceof String text) {
            target.set(STRING_KEYS.of(key), text);
        }
        else if (value instanceof Long number) {
            target.set(LONG_KEYS.of(key), number);
        }
        else if (value instanceof Double number) {
            target.set(DOUBLE_KEYS.of(key), number);
        }
        else if (value instanceof Boolean flag) {
            target.set(BOOLEAN_KEYS.of(key), flag);
        }
    }

    /**
     * @param fields a manager event's fields
     * @return the same as OpenTelemetry attributes
     */
    public static Attributes of(Fields fields) {
        if (fields.isEmpty()) {
            return Attributes.empty();
        }
        AttributesBuilder builder = Attributes.builder();
        write(fields, builder::put);
        return builder.build();
    }

    /** The keys of one type by name, made once each, up to {@link #KEPT_KEYS}. */
    private static final class KeptKeys<T> {

        private final Map<String, AttributeKey<T>> keys = new ConcurrentHashMap<>();

        private final Function<String, AttributeKey<T>> make;

        KeptKeys(Function<String, AttributeKey<T>> make) {
            this.make = make;
        }

        AttributeKey<T> of(String name) {
            AttributeKey<T> key = this.keys.get(name);
            if (key != null) {
                return key;
            }
            key = this.make.apply(name);
            if (this.keys.size() < KEPT_KEYS) {
                this.keys.putIfAbsent(name, key);
            }
            return key;
        }
    }
}
