package dev.observability.core.adapters;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.observability.core.spi.Utf16;
import org.jspecify.annotations.Nullable;

/**
 * Prints a throwable's stack trace with the text {@link Throwable#printStackTrace()} prints: its frames, its
 * suppressed exceptions, its causes with their frames in common as {@code ... n more}, and a cause met twice as a
 * circular reference, with every lone UTF-16 surrogate replaced by U+FFFD (see {@link Utf16}). Each frame's line ({@code \tat } and the frame) is made once and kept, for up to
 * {@value #KEPT_FRAMES} frames, instead of being made again for every event: an application logs the same frames
 * over and over, and making a frame's text is most of what printing a stack trace costs. Past the bound a frame's
 * line is made for each use, as {@code printStackTrace} does. A throwable that overrides {@code printStackTrace} is
 * printed as {@code Throwable} prints it, from its {@link Throwable#getStackTrace()}.
 */
final class StackTraceText {

    /** How many frames' lines are kept. */
    static final int KEPT_FRAMES = 4096;

    private static final String LINE_SEPARATOR = System.lineSeparator();

    private static final Map<StackTraceElement, String> FRAME_LINES = new ConcurrentHashMap<>();

    private StackTraceText() {
    }

    /**
     * @param error the throwable
     * @param out where its stack trace is printed, each line ended as {@code printStackTrace} ends it
     */
    static void print(Throwable error, TextBuffer out) {
        line(out, "", "", error.toString());
        StackTraceElement[] trace = error.getStackTrace();
        for (StackTraceElement frame : trace) {
            frame(out, "", frame);
        }
        Throwable[] suppressed = error.getSuppressed();
        Throwable cause = error.getCause();
        if (suppressed.length == 0 && cause == null) {
            return;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        for (Throwable other : suppressed) {
            enclosed(out, other, trace, "Suppressed: ", "\t", seen);
        }
        if (cause != null) {
            enclosed(out, cause, trace, "Caused by: ", "", seen);
        }
    }

    private static void enclosed(TextBuffer out, Throwable error, StackTraceElement[] enclosingTrace, String caption,
            String prefix, Set<Throwable> seen) {
        if (!seen.add(error)) {
            line(out, prefix, caption, "[CIRCULAR REFERENCE: " + error + "]");
            return;
        }
        StackTraceElement[] trace = error.getStackTrace();
        int last = trace.length - 1;
        int enclosingLast = enclosingTrace.length - 1;
        while (last >= 0 && enclosingLast >= 0 && trace[last].equals(enclosingTrace[enclosingLast])) {
            last--;
            enclosingLast--;
        }
        int inCommon = trace.length - 1 - last;
        line(out, prefix, caption, error.toString());
        for (int i = 0; i <= last; i++) {
            frame(out, prefix, trace[i]);
        }
        if (inCommon != 0) {
            line(out, prefix, "\t... ", inCommon + " more");
        }
        for (Throwable other : error.getSuppressed()) {
            enclosed(out, other, trace, "Suppressed: ", prefix + "\t", seen);
        }
        Throwable cause = error.getCause();
        if (cause != null) {
            enclosed(out, cause, trace, "Caused by: ", prefix, seen);
        }
    }

    private static void frame(TextBuffer out, String prefix, StackTraceElement frame) {
        out.write(prefix);
        out.write(frameLine(frame));
    }

    private static void line(TextBuffer out, String prefix, String caption, @Nullable String text) {
        out.write(prefix);
        out.write(caption);
        out.write(Utf16.replaceLoneSurrogates(String.valueOf(text)));
        out.write(LINE_SEPARATOR);
    }

    /** @return {@code \tat }, the frame and the line's end, made once per frame up to {@link #KEPT_FRAMES} */
    private static String frameLine(StackTraceElement frame) {
        String line = FRAME_LINES.get(frame);
        if (line == null) {
            line = Utf16.replaceLoneSurrogates("\tat " + frame + LINE_SEPARATOR);
            if (FRAME_LINES.size() < KEPT_FRAMES) {
                FRAME_LINES.putIfAbsent(frame, line);
            }
        }
        return line;
    }
}
