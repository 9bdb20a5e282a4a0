package dev.observability.core.internal.tracing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C ids kept as {@code long}s and rendered as lower-case hex only when asked: a trace id is two longs (high and
 * low 64 bits), a span id one; an id is never all zeros, so zero stands for "no id".
 */
final class HexIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexIds() {
    }

    /** @return a random id that is not zero */
    static long randomNonZero() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = random.nextLong();
        while (id == 0) {
            id = random.nextLong();
        }
        return id;
    }

    /**
     * @param id a span id
     * @return its 16 lower-case hex digits
     */
    static String spanId(long id) {
        char[] chars = new char[16];
        write(id, chars, 0);
        return new String(chars);
    }

    /**
     * @param high the trace id's high 64 bits
     * @param low its low 64 bits
     * @return its 32 lower-case hex digits
     */
    static String traceId(long high, long low) {
        char[] chars = new char[32];
        write(high, chars, 0);
        write(low, chars, 16);
        return new String(chars);
    }

    private static void write(long id, char[] chars, int offset) {
        for (int i = 15; i >= 0; i--) {
            chars[offset + 15 - i] = HEX[(int) (id >>> (i * 4)) & 0xf];
        }
    }
}
