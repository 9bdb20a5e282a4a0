package dev.observability.core.spi;

/**
 * A span's status, as in OpenTelemetry.
 */
public enum SpanStatus {

    /** Not set: the default. */
    UNSET,

    /** Set by the application to say the operation succeeded. */
    OK,

    /** The operation failed. */
    ERROR
}
