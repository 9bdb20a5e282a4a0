package dev.observability.core.adapters;

import java.util.Arrays;

/** A growing character buffer for one thread, kept from line to line: {@link StringBuilder} cannot be read in place. */
final class TextBuffer {

    private char[] chars = new char[1024];

    private int length;

    /** @return the characters, of which the first {@link #length()} are the text */
    char[] chars() {
        return this.chars;
    }

    int length() {
        return this.length;
    }

    /** @return how many characters the buffer holds without growing */
    int capacity() {
        return this.chars.length;
    }

    /** Empties the text, keeping the buffer. */
    void reset() {
        this.length = 0;
    }

    /** @param text appended to the text */
    void write(String text) {
        int count = text.length();
        if (this.length + count > this.chars.length) {
            this.chars = Arrays.copyOf(this.chars, Math.max(this.chars.length * 2, this.length + count));
        }
        text.getChars(0, count, this.chars, this.length);
        this.length += count;
    }
}
