package dev.observability.autoconfigure.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.observability.core.adapters.JsonLogFormat;
import dev.observability.core.adapters.LineWriterPool;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * The starter's JSON lines as a Spring Boot structured log format for Logback: Boot's console and file appenders
 * write each event as one line of {@link JsonLogFormat} (keys {@code timestamp}, {@code level}, {@code logger},
 * {@code thread}, {@code message}, {@code trace_id} and {@code span_id} inside a span, {@code fields}, {@code error}),
 * whatever the event holds. The event's fields are its MDC entries and its SLF4J key-value pairs, nested under
 * {@code fields} so they can never overwrite a key; a value under a sensitive key ({@code observability.redaction.*})
 * is masked. The trace and span ids are those of the running manager's current span (a manager span, else Boot's
 * current span), or else the MDC's {@code traceId} and {@code spanId} (Micrometer Tracing puts them there).
 * <p>
 * The starter selects it as {@code logging.structured.format.console} (and {@code .file}) unless the application
 * chose a format (see {@link StructuredLogFormatDefaults}); an application may also name this class there itself.
 * <p>
 * Lines are written by writers from a shared {@link LineWriterPool}, so a logging thread (a virtual thread per
 * request too) keeps nothing of its own.
 */
public final class JsonLineStructuredLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final String TRACE_ID = "traceId";

    private static final String SPAN_ID = "spanId";

    private final Redaction redaction;

    private final LineWriterPool writers = new LineWriterPool();

    /**
     * Made by Boot's logging system, with the application's environment.
     * @param environment where {@code observability.redaction.enabled} and
     * {@code observability.redaction.sensitive-words} are read (invalid words fall back to the defaults here; the
     * starter reports them when the context starts)
     */
    public JsonLineStructuredLogFormatter(Environment environment) {
        this(redaction(Binder.get(environment)));
    }

    /** @param redaction which keys' values are masked */
    public JsonLineStructuredLogFormatter(Redaction redaction) {
        this.redaction = redaction;
    }

    private static Redaction redaction(Binder binder) {
        if (!binder.bind("observability.redaction.enabled", Boolean.class).orElse(Boolean.TRUE)) {
            return Redaction.disabled();
        }
        try {
            return binder.bind("observability.redaction.sensitive-words", Bindable.listOf(String.class))
                .map(Redaction::of)
                .orElse(Redaction.defaults());
        }
        catch (RuntimeException ex) {
            return Redaction.defaults();
        }
    }

    @Override
    public String format(ILoggingEvent event) {
        return write(event, JsonLogFormat.LineWriter::toString);
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        if (!StandardCharsets.UTF_8.equals(charset)) {
            return format(event).getBytes(charset);
        }
        return write(event, JsonLogFormat.LineWriter::toByteArray);
    }

    private <T> T write(ILoggingEvent event, Function<JsonLogFormat.LineWriter, T> result) {
        JsonLogFormat.LineWriter writer = this.writers.take();
        try {
            return result.apply(writer.write(new EventLine(event, this.redaction)));
        }
        finally {
            this.writers.give(writer);
        }
    }

    /** One Logback event as the lines {@link JsonLogFormat} writes. */
    private static final class EventLine implements JsonLogFormat.Line {

        private final ILoggingEvent event;

        private final Redaction redaction;

        private final Map<String, String> mdc;

        private final @Nullable SpanContext managerSpan;

        EventLine(ILoggingEvent event, Redaction redaction) {
            this.event = event;
            this.redaction = redaction;
            Map<String, String> mdc = event.getMDCPropertyMap();
            this.mdc = (mdc != null) ? mdc : Map.of();
            this.managerSpan = ManagerSpans.current();
        }

        @Override
        public Instant timestamp() {
            return this.event.getInstant();
        }

        @Override
        public String level() {
            return this.event.getLevel().toString();
        }

        @Override
        public String logger() {
            return String.valueOf(this.event.getLoggerName());
        }

        @Override
        public String thread() {
            return String.valueOf(this.event.getThreadName());
        }

        @Override
        public String message() {
            return String.valueOf(this.event.getFormattedMessage());
        }

        @Override
        public @Nullable String traceId() {
            return (this.managerSpan != null) ? this.managerSpan.traceId() : this.mdc.get(TRACE_ID);
        }

        @Override
        public @Nullable String spanId() {
            return (this.managerSpan != null) ? this.managerSpan.spanId() : this.mdc.get(SPAN_ID);
        }

        @Override
        public boolean hasFields() {
            List<KeyValuePair> pairs = this.event.getKeyValuePairs();
            if (pairs != null && !pairs.isEmpty()) {
                return true;
            }
            for (String key : this.mdc.keySet()) {
                if (!isTraceKey(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void fields(BiConsumer<String, @Nullable Object> sink) {
            for (Map.Entry<String, String> entry : this.mdc.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!isTraceKey(key)) {
                    sink.accept(key, this.redaction.value(key, entry.getValue()));
                }
            }
            List<KeyValuePair> pairs = this.event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    String key = String.valueOf(pair.key);
                    sink.accept(key, this.redaction.value(key, simple(pair.value)));
                }
            }
        }

        private static boolean isTraceKey(String key) {
            return TRACE_ID.equals(key) || SPAN_ID.equals(key);
        }

        /** Numbers and booleans stay JSON numbers and booleans; everything else is written as its text. */
        private static @Nullable Object simple(@Nullable Object value) {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float number) {
                return number.doubleValue();
            }
            return value;
        }

        @Override
        public @Nullable Throwable error() {
            IThrowableProxy proxy = this.event.getThrowableProxy();
            return (proxy instanceof ThrowableProxy throwable) ? throwable.getThrowable() : null;
        }
    }
}
