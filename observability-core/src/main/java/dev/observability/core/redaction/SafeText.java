package dev.observability.core.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.observability.core.spi.Utf16;

/**
 * The one way the project turns a failure into text an operator reads (health, the {@code observability} endpoint,
 * its own log lines), cleaned of credentials: in every URL the user info and the query string (with the fragment) are
 * replaced with {@value Redaction#MASK}, and so is the value of every {@code name=value} or {@code Name: value} pair
 * whose name is sensitive by the default words of {@link Redaction} ({@code Authorization: Bearer …},
 * {@code api_key=…}, {@code "password":"…"}). Host, port and path stay, so the text still says where a call went. The
 * result is one line (line breaks and other control characters become spaces) of at most {@value #MAX_LENGTH}
 * characters before the {@code …[truncated N chars]} marker. Clean text, cleaned text included, is returned as it is.
 */
public final class SafeText {

    /** The longest text kept, before the truncation marker. */
    public static final int MAX_LENGTH = 1000;

    /**
     * A URL: scheme, optional user info (up to the last {@code @} before the path), host and path, then an optional
     * query or fragment. Each match starts where a scheme starts, so the search stays linear in the text's length.
     */
    private static final Pattern URL = Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)"
            + "(?:[^\\s/?#\"'<>]+@)?([^\\s?#\"'<>]*)([?#][^\\s\"'<>]*)?");

    /**
     * The name of a {@code name=value} or {@code name: value} pair and its separator, the name optionally quoted.
     * Each match starts where a name starts, so the search stays linear in the text's length.
     */
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)\"?\\s*[:=]\\s*\"?");

    /** A pair's value, up to a delimiter; it may start with an authorization scheme ({@code Bearer token}). */
    private static final Pattern VALUE = Pattern
        .compile("(?:(?i:bearer|basic|digest|negotiate|token|apikey)\\s+)?[^\\s&,;\"'<>(){}\\[\\]]+");

    private static final Pattern NOT_ONE_LINE = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

    private SafeText() {
    }

    /**
     * @param error a failure
     * @return its type's name and, when it has one, its cleaned message, as {@link Throwable#toString()} puts them; a
     * wrapper whose message is only its cause's ({@code java.lang.Exception: java.net.ConnectException}) is described
     * by that cause
     */
    public static String describe(Throwable error) {
        Throwable described = error;
        Throwable cause = described.getCause();
        while (cause != null && cause != described && cause.toString().equals(described.getMessage())) {
            described = cause;
            cause = described.getCause();
        }
        String message = described.getMessage();
        String type = described.getClass().getName();
        return (message != null) ? type + ": " + clean(message) : type;
    }

    /**
     * @param text text that may hold credentials (a message, an address)
     * @return the text cleaned of credentials, on one line and bounded; the text itself when it was so already
     */
    public static String clean(String text) {
        String cleaned = maskPairs(maskUrls(text));
        if (NOT_ONE_LINE.matcher(cleaned).find()) {
            cleaned = NOT_ONE_LINE.matcher(cleaned).replaceAll(" ");
        }
        return Utf16.truncate(cleaned, MAX_LENGTH);
    }

    private static String maskUrls(String text) {
        if (!text.contains("://")) {
            return text;
        }
        Matcher url = URL.matcher(text);
        StringBuilder masked = null;
        int copied = 0;
        while (url.find()) {
            int userInfoStart = url.end(1);
            int hostStart = url.start(2);
            boolean hasQuery = url.start(3) >= 0;
            int queryEnd = hasQuery ? withoutTrailingPunctuation(text, url.start(3) + 1, url.end(3)) : url.end(2);
            boolean maskUserInfo = holdsASecret(text, userInfoStart, hostStart - 1);
            boolean maskQuery = hasQuery && holdsASecret(text, url.start(3) + 1, queryEnd);
            if (!maskUserInfo && !maskQuery) {
                continue;
            }
            masked = (masked != null) ? masked : new StringBuilder(text.length());
            masked.append(text, copied, userInfoStart);
            if (maskUserInfo) {
                masked.append(Redaction.MASK).append('@');
            }
            masked.append(text, maskUserInfo ? hostStart : userInfoStart, url.end(2));
            if (maskQuery) {
                masked.append(text.charAt(url.start(3))).append(Redaction.MASK);
            }
            else {
                masked.append(text, url.end(2), queryEnd);
            }
            copied = queryEnd;
        }
        return (masked != null) ? masked.append(text, copied, text.length()).toString() : text;
    }

    /** Whether the text between the indexes is not empty and not the mask already. */
    private static boolean holdsASecret(String text, int start, int end) {
        return end > start && !(end - start == Redaction.MASK.length() && text.startsWith(Redaction.MASK, start));
    }

    /**
     * The end of a query without the punctuation that ends the sentence around it ({@code ?a=1).} ends before
     * {@code ).}), so that cleaning cleaned text changes nothing.
     */
    private static int withoutTrailingPunctuation(String text, int start, int end) {
        int trimmed = end;
        while (trimmed > start && ":,;.)!".indexOf(text.charAt(trimmed - 1)) >= 0) {
            trimmed--;
        }
        return trimmed;
    }

    private static String maskPairs(String text) {
        Matcher name = NAME.matcher(text);
        Matcher value = VALUE.matcher(text);
        StringBuilder masked = null;
        int copied = 0;
        int from = 0;
        while (name.find(from)) {
            from = name.end();
            if (!isSensitiveName(name.group(1)) || !value.region(from, text.length()).lookingAt()
                    || value.group().equals(Redaction.MASK)) {
                continue;
            }
            masked = (masked != null) ? masked : new StringBuilder(text.length());
            masked.append(text, copied, from).append(Redaction.MASK);
            copied = value.end();
            from = copied;
        }
        return (masked != null) ? masked.append(text, copied, text.length()).toString() : text;
    }

    /** A sensitive name, but not a type's name ({@code InvalidTokenException: expired} keeps its message). */
    private static boolean isSensitiveName(String name) {
        return !name.endsWith("Exception") && !name.endsWith("Error") && Redaction.defaults().isSensitive(name);
    }
}
