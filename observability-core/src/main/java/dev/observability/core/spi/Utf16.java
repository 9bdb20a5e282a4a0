package dev.observability.core.spi;

/**
 * Small rules for untrusted text: replacing lone surrogates, cutting over-long strings, abbreviating for messages.
 */
public final class Utf16 {

    /** The replacement character written in place of a lone surrogate. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final int ABBREVIATION_LENGTH = 64;

    private Utf16() {
    }

    /**
     * Replaces every lone (unpaired) UTF-16 surrogate with U+FFFD, so the text encodes to valid UTF-8.
     * @param text any text
     * @return the same instance when nothing needed replacing
     */
    public static String replaceLoneSurrogates(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return replaceFrom(text, i);
            }
        }
        return text;
    }

    private static String replaceFrom(String text, int start) {
        StringBuilder builder = new StringBuilder(text.length());
        builder.append(text, 0, start);
        int length = text.length();
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                builder.append(c).append(text.charAt(++i));
            }
            else {
                builder.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return builder.toString();
    }

    /**
     * Cuts text to at most {@code maxLength} characters, never between the two halves of a surrogate pair, and
     * says how much was cut.
     * @param text any text
     * @param maxLength the longest result before the marker
     * @return the text itself when short enough, else its start followed by {@code …[truncated N chars]}
     */
    public static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…[truncated " + (text.length() - end) + " chars]";
    }

    /**
     * @param text any text
     * @return the text cut short for an error message
     */
    public static String abbreviate(String text) {
        return (text.length() <= ABBREVIATION_LENGTH) ? text : text.substring(0, ABBREVIATION_LENGTH) + "…";
    }
}
