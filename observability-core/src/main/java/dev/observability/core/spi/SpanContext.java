package dev.observability.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The identity of a span in W3C Trace Context form: a 32-hex-digit trace id and a 16-hex-digit span id, lower case,
 * never all zeros.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param sampled whether the trace is sampled
 */
public record SpanContext(String traceId, String spanId, boolean sampled) {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Validates the ids.
     * @throws IllegalArgumentException when an id has the wrong length, a character that is not lower-case hex, or
     * is all zeros
     */
    public SpanContext {
        requireHex("trace id", traceId, 32);
        requireHex("span id", spanId, 16);
    }

    /**
     * @param traceId a candidate trace id
     * @return {@code true} when it is 32 lower-case hex digits, not all zero
     */
    public static boolean isValidTraceId(@Nullable String traceId) {
        return isHex(traceId, 32);
    }

    /**
     * @param spanId a candidate span id
     * @return {@code true} when it is 16 lower-case hex digits, not all zero
     */
    public static boolean isValidSpanId(@Nullable String spanId) {
        return isHex(spanId, 16);
    }

    /** @return a new random, non-zero trace id */
    public static String randomTraceId() {
        return randomHex(32);
    }

    /** @return a new random, non-zero span id */
    public static String randomSpanId() {
        return randomHex(16);
    }

    /** @return the W3C {@code traceparent} header value for this context */
    public String traceparent() {
        return "00-" + this.traceId + "-" + this.spanId + (this.sampled ? "-01" : "-00");
    }

    /** Sixteen hex digits from each random {@code long}, written as Latin-1 bytes, the form the string keeps. */
    private static String randomHex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] text = new byte[digits];
        boolean nonZero = false;
        long bits = 0;
        for (int i = 0; i < digits; i++) {
            if (i % 16 == 0) {
                bits = random.nextLong();
            }
            int nibble = (int) (bits >>> (4 * (i % 16))) & 0xf;
            nonZero |= nibble != 0;
            text[i] = HEX[nibble];
        }
        if (!nonZero) {
            text[digits - 1] = '1';
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void requireHex(String what, String id, int digits) {
        if (!isHex(id, digits)) {
            throw new IllegalArgumentException(
                    "a " + what + " is " + digits + " lower-case hex digits, not all zero; got '" + id + "'");
        }
    }

    private static boolean isHex(@Nullable String id, int digits) {
        if (id == null || id.length() != digits) {
            return false;
        }
        // Without branches per character: in a random id digits and letters alternate at random, and a branch on
        // which one a character is would be mispredicted about every other character (each span's ids pass here).
        boolean hex = true;
        boolean nonZero = false;
        for (int i = 0; i < digits; i++) {
            char c = id.charAt(i);
            hex &= (char) (c - '0') < 10 | (char) (c - 'a') < 6;
            nonZero |= c != '0';
        }
        return hex & nonZero;
    }
}
