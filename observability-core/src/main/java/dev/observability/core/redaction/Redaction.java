package dev.observability.core.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.SpanStart;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the values of sensitive keys with {@value #MASK} before any adapter sees them: in log fields, span
 * attributes (at start, set later, and on events), health details and metric labels.
 * <p>
 * The rule: a key is sensitive when, compared without case and with the separators {@code -}, {@code _},
 * {@code .} and space removed, it <em>contains</em> one of the sensitive words (also compared that way). With the default
 * words ({@value #DEFAULT_WORDS_TEXT}) {@code password}, {@code db.password}, {@code X-Api-Key}, {@code api_key},
 * {@code apiKey}, {@code Authorization}, {@code refresh_token} and {@code Set-Cookie} are all sensitive. A key that
 * merely contains a word ({@code tokenizer}) is redacted too: a false positive costs a value in the telemetry, a false
 * negative leaks a secret. Values are never scanned: a secret written into a log message or under an innocent key is
 * not found.
 * <p>
 * Every method returns its argument itself, without allocating, when there is nothing to redact.
 */
public final class Redaction {

    /** What a sensitive value is replaced with. */
    public static final String MASK = "******";

    /** The default sensitive words, as text for documentation. */
    public static final String DEFAULT_WORDS_TEXT = "password, secret, token, authorization, api-key, cookie";

    /** The default sensitive words. */
    public static final List<String> DEFAULT_WORDS = List.of("password", "secret", "token", "authorization",
            "api-key", "cookie");

    private static final Redaction DEFAULTS = new Redaction(DEFAULT_WORDS);

    private static final Redaction DISABLED = new Redaction(List.of());

    private static final int MAX_DEPTH = 8;

    private final char[][] words;

    private final List<String> configuredWords;

    private Redaction(Collection<String> words) {
        List<char[]> normalized = new ArrayList<>();
        List<String> configured = new ArrayList<>();
        for (String word : words) {
            if (word == null) {
                throw new IllegalArgumentException("a sensitive word is null");
            }
            char[] chars = normalize(word);
            if (chars.length == 0) {
                throw new IllegalArgumentException("sensitive word '" + word
                        + "' is blank or only separators; give words such as 'password' or 'api-key'");
            }
            normalized.add(chars);
            configured.add(word);
        }
        this.words = normalized.toArray(new char[0][]);
        this.configuredWords = List.copyOf(configured);
    }

    /** @return redaction of the default words ({@link #DEFAULT_WORDS}) */
    public static Redaction defaults() {
        return DEFAULTS;
    }

    /** @return no redaction at all: every value passes unchanged */
    public static Redaction disabled() {
        return DISABLED;
    }

    /**
     * @param words the sensitive words; they replace the defaults
     * @return redaction of those words
     * @throws IllegalArgumentException if a word is null, blank or only separators
     */
    public static Redaction of(Collection<String> words) {
        return new Redaction(words);
    }

    /** @return the sensitive words as configured */
    public List<String> words() {
        return this.configuredWords;
    }

    /** @return {@code false} when nothing is ever redacted */
    public boolean isEnabled() {
        return this.words.length > 0;
    }

    /**
     * @param key a key
     * @return {@code true} when values under that key are redacted
     */
    public boolean isSensitive(@Nullable String key) {
        if (key == null) {
            return false;
        }
        for (char[] word : this.words) {
            if (contains(key, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param key the key a value is recorded under
     * @param value the value
     * @return {@link #MASK} when the key is sensitive and the value is not {@code null}, else the value
     */
    public @Nullable Object value(@Nullable String key, @Nullable Object value) {
        return (value != null && isSensitive(key)) ? MASK : value;
    }

    /**
     * @param fields log fields or span attributes
     * @return the same instance when no key is sensitive, else a copy with the sensitive values masked
     */
    public Fields redact(Fields fields) {
        if (!anySensitive(fields.keys())) {
            return fields;
        }
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(key, value(key, value)));
        return Fields.from(copy);
    }

    private boolean anySensitive(List<String> keys) {
        for (String key : keys) {
            if (isSensitive(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param start a span's start, made outside the manager
     * @return the same instance when no start attribute is sensitive, else a copy with the sensitive values masked
     */
    public SpanStart redact(SpanStart start) {
        Fields attributes = redact(start.attributes());
        return (attributes == start.attributes()) ? start
                : new SpanStart(start.name(), start.context(), start.parent(), start.startTime(), attributes,
                        start.attachment());
    }

    /**
     * @param span an adapter's span
     * @return the span itself when redaction is disabled, else a view that masks attributes and event attributes
     * on their way to it
     */
    public AdapterSpan redact(AdapterSpan span) {
        return isEnabled() ? new RedactingAdapterSpan(span, this) : span;
    }

    /**
     * @param labels metric labels
     * @return the same instance when no key is sensitive, else a copy with the sensitive values masked
     */
    public Labels redact(Labels labels) {
        boolean sensitive = false;
        for (int i = 0; i < labels.size() && !sensitive; i++) {
            sensitive = isSensitive(labels.key(i));
        }
        if (!sensitive) {
            return labels;
        }
        Map<@Nullable String, @Nullable String> copy = new LinkedHashMap<>();
        labels.forEach((key, value) -> copy.put(key, isSensitive(key) ? MASK : value));
        return Labels.from(copy);
    }

    /**
     * @param health a health with details
     * @return the same instance when no detail key (at any depth of nested maps) is sensitive, else a copy with the
     * sensitive values masked
     */
    public AdapterHealth redact(AdapterHealth health) {
        Map<String, Object> details = redactMap(health.details(), 0);
        return (details == health.details()) ? health
                : new AdapterHealth(health.status(), health.message(), details);
    }

    @SuppressWarnings("unchecked")
    private <V> Map<String, V> redactMap(Map<String, V> map, int depth) {
        Map<String, V> copy = null;
        for (Map.Entry<String, V> entry : map.entrySet()) {
            V value = entry.getValue();
            V safe = value;
            if (value != null && isSensitive(entry.getKey())) {
                safe = (V) MASK;
            }
            else if (value instanceof Map<?, ?> nested) {
                safe = (V) redactNested(nested, depth + 1);
            }
            if (safe != value) {
                copy = (copy != null) ? copy : new LinkedHashMap<>(map);
                copy.put(entry.getKey(), safe);
            }
        }
        return (copy != null) ? copy : map;
    }

    private Object redactNested(Map<?, ?> nested, int depth) {
        if (depth > MAX_DEPTH) {
            return MASK;
        }
        Map<String, Object> keyed = new LinkedHashMap<>();
        nested.forEach((key, value) -> keyed.put(String.valueOf(key), value));
        Map<String, Object> redacted = redactMap(keyed, depth);
        return (redacted == keyed) ? nested : redacted;
    }

    /**
     * Whether the key, without case and separators, contains the word. Allocation-free: the key is read in place.
     */
    private static boolean contains(String key, char[] word) {
        int length = key.length();
        for (int start = 0; start < length; start++) {
            if (isSeparator(key.charAt(start))) {
                continue;
            }
            int matched = 0;
            for (int i = start; i < length && matched < word.length; i++) {
                char c = key.charAt(i);
                if (isSeparator(c)) {
                    continue;
                }
                if (Character.toLowerCase(c) != word[matched]) {
                    break;
                }
                matched++;
            }
            if (matched == word.length) {
                return true;
            }
        }
        return false;
    }

    private static char[] normalize(String word) {
        StringBuilder normalized = new StringBuilder(word.length());
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!isSeparator(c)) {
                normalized.append(c);
            }
        }
        return normalized.toString().toCharArray();
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.' || c == ' ';
    }

    @Override
    public String toString() {
        return "Redaction" + this.configuredWords;
    }
}
