package dev.observability.autoconfigure.actuator;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Text for a refusal of a setting (by the {@code observability} endpoint, or of a refreshed configuration): on one
 * line, and what was sent cut short, so that a long or multi-line key or value still gives a short one-line message.
 */
public final class OneLine {

    /** The most characters of a key or value a refusal repeats: more than the longest setting's name has. */
    static final int MAX_ECHO = 64;

    /** Line breaks of any kind (U+2028 and U+2029 too), tabs and other control characters, in runs. */
    private static final Pattern BREAKS = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+");

    private OneLine() {
    }

    /**
     * @param text a message
     * @return the message on one line, each run of line breaks and white space a single space
     */
    public static String of(@Nullable String text) {
        return BREAKS.matcher(String.valueOf(text)).replaceAll(" ");
    }

    /**
     * @param value a key or value a client sent
     * @return its text on one line, cut after {@value #MAX_ECHO} characters with {@code ...}
     */
    public static String cut(@Nullable Object value) {
        String text = String.valueOf(value);
        if (text.length() <= MAX_ECHO) {
            return of(text);
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
        return of(text.substring(0, end)) + "...";
    }
}
