package dev.observability.benchmarks;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * The floor of benchmark 9: a structured log format that writes the same line for every event, so what it costs is
 * Logback's own work (the SLF4J call, the event, the appender, Boot's encoder) and nothing of a format's. Its line is
 * the starter's line for benchmark 9's event without an exception (the benchmark's stream discards what it is given,
 * so the length hardly counts).
 */
public final class ConstantLineFormatter implements StructuredLogFormatter<ILoggingEvent> {

    /** A line of the starter's format, as benchmark 9's event prints it, with a fixed timestamp. */
    static final String LINE = "{\"timestamp\":\"2026-11-29T18:00:00.000Z\",\"level\":\"INFO\","
            + "\"logger\":\"dev.observability.bench.Orders\",\"thread\":\"main\",\"message\":\"order placed\","
            + "\"fields\":{\"order\":1000,\"region\":\"eu-west\",\"amount\":129.5}}\n";

    private static final byte[] BYTES = LINE.getBytes(StandardCharsets.UTF_8);

    @Override
    public String format(ILoggingEvent event) {
        return LINE;
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        return BYTES;
    }
}
