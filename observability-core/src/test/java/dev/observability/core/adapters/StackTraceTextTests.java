package dev.observability.core.adapters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackTraceTextTests {

    @Test
    void printsAThrowableAsPrintStackTraceDoes() {
        assertPrintedAsTheJdkPrintsIt(thrownFrom(3, new IllegalStateException("payment declined")));
    }

    @Test
    void printsAMessageOfSeveralLinesAndNoMessageAsPrintStackTraceDoes() {
        assertPrintedAsTheJdkPrintsIt(thrownFrom(1, new IllegalStateException("first\nsecond\r\n\tthird")));
        assertPrintedAsTheJdkPrintsIt(thrownFrom(1, new NullPointerException()));
    }

    @Test
    void printsCausesWithTheirFramesInCommonAsMore() {
        Exception cause = thrownFrom(4, new IllegalArgumentException("bad amount"));
        Exception middle = thrownFrom(2, new IllegalStateException("checkout failed", cause));
        assertPrintedAsTheJdkPrintsIt(new RuntimeException("request failed", middle));
    }

    @Test
    void printsSuppressedExceptionsAndTheirCausesIndented() {
        Exception error = thrownFrom(2, new IllegalStateException("write failed"));
        Exception closing = thrownFrom(3, new IllegalStateException("close failed",
                thrownFrom(1, new IllegalArgumentException("socket gone"))));
        closing.addSuppressed(thrownFrom(1, new RuntimeException("nested suppressed")));
        error.addSuppressed(closing);
        error.addSuppressed(new RuntimeException("second suppressed"));
        error.initCause(thrownFrom(2, new IllegalArgumentException("root")));
        assertPrintedAsTheJdkPrintsIt(error);
    }

    @Test
    void printsACauseMetTwiceAsACircularReference() {
        Exception first = thrownFrom(1, new IllegalStateException("first"));
        Exception second = thrownFrom(2, new IllegalStateException("second", first));
        first.initCause(second);
        assertPrintedAsTheJdkPrintsIt(first);
    }

    @Test
    void printsFramesPastTheKeptOnesAsPrintStackTraceDoes() {
        Exception error = new IllegalStateException("deep");
        error.setStackTrace(IntStream.range(0, StackTraceText.KEPT_FRAMES + 100)
            .mapToObj((i) -> new StackTraceElement("com.example.Generated" + i, "call", "Generated.java", i))
            .toArray(StackTraceElement[]::new));
        assertPrintedAsTheJdkPrintsIt(error);
        assertPrintedAsTheJdkPrintsIt(error);
    }

    @Test
    void printsTheSameTextEachTimeAFrameIsPrintedAgain() {
        Exception error = thrownFrom(2, new IllegalStateException("again"));
        String first = printed(error);
        assertThat(printed(error)).isEqualTo(first).isEqualTo(jdkPrinted(error));
    }

    private static void assertPrintedAsTheJdkPrintsIt(Throwable error) {
        assertThat(printed(error)).isEqualTo(jdkPrinted(error));
    }

    private static String printed(Throwable error) {
        TextBuffer text = new TextBuffer();
        StackTraceText.print(error, text);
        return new String(text.chars(), 0, text.length());
    }

    private static String jdkPrinted(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** The exception with a stack trace {@code depth} calls deeper than the caller's. */
    private static <E extends Exception> E thrownFrom(int depth, E error) {
        if (depth > 0) {
            return thrownFrom(depth - 1, error);
        }
        error.fillInStackTrace();
        return error;
    }
}
