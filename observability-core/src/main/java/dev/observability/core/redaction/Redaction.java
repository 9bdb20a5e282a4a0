package dev.observability.core.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rule of which keys are sensitive: the manager replaces the values recorded under them with {@value #MASK}
 * before any adapter sees them, in log fields, span attributes (at start, set later, and on events), health details
 * and metric labels.
 * <p>
 * A key is sensitive when, compared without case and with the separators {@code -}, {@code _}, {@code .} and space
 * removed, it <em>contains</em> one of the sensitive words (also compared that way). With the default words
 * ({@value #DEFAULT_WORDS_TEXT}) {@code password}, {@code db.password}, {@code X-Api-Key}, {@code api_key},
 * {@code apiKey}, {@code Authorization}, {@code refresh_token} and {@code Set-Cookie} are all sensitive. A key that
 * merely contains a word ({@code tokenizer}) is redacted too: a false positive costs a value in the telemetry, a false
 * negative leaks a secret. Values are never scanned: a secret written into a log message or under an innocent key is
 * not found.
 * <p>
 * The verdict for a key is kept in a small cache of fixed size ({@link KeyVerdicts}), so the keys an application
 * records again and again are checked once; neither the cache nor anything else here grows with the keys seen.
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

    private final char[][] words;

    private final List<String> configuredWords;

    private final KeyVerdicts verdicts = new KeyVerdicts();

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
        if (key == null || this.words.length == 0) {
            return false;
        }
        int verdict = this.verdicts.get(key);
        if (verdict != KeyVerdicts.UNKNOWN) {
            return verdict == KeyVerdicts.SENSITIVE;
        }
        boolean sensitive = containsAWord(key);
        this.verdicts.put(key, sensitive);
        return sensitive;
    }

    /**
     * @param key the key a value is recorded under
     * @param value the value
     * @return {@link #MASK} when the key is sensitive and the value is not {@code null}, else the value
     */
    public @Nullable Object value(@Nullable String key, @Nullable Object value) {
        return (value != null && isSensitive(key)) ? MASK : value;
    }

    private boolean containsAWord(String key) {
        for (char[] word : this.words) {
            if (contains(key, word)) {
                return true;
            }
        }
        return false;
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
