package dev.observability.core.spi;

/**
 * A log event's severity, from least to most severe.
 */
public enum LogLevel {

    /** Fine-grained tracing. */
    TRACE,

    /** Diagnostic detail. */
    DEBUG,

    /** Normal operation. */
    INFO,

    /** Something unexpected that the application survived. */
    WARN,

    /** A failure. */
    ERROR;

    /**
     * @param minimum a minimum level
     * @return {@code true} when this level is at least as severe
     */
    public boolean isAtLeast(LogLevel minimum) {
        return ordinal() >= minimum.ordinal();
    }
}
