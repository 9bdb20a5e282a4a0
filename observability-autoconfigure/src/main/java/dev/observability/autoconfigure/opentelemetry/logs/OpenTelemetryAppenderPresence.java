package dev.observability.autoconfigure.opentelemetry.logs;

/**
 * Whether OpenTelemetry's own Logback appender ({@value #APPENDER_CLASS}) is attached to the application's logging,
 * in which case the application's Logback events reach the SDK through it and the OpenTelemetry logs adapter leaves
 * them to it.
 */
interface OpenTelemetryAppenderPresence {

    /** The class of OpenTelemetry's Logback appender (artifact {@code opentelemetry-logback-appender-1.0}). */
    String APPENDER_CLASS = "io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender";

    /** For an application without Logback: no such appender. */
    OpenTelemetryAppenderPresence NONE = () -> false;

    /**
     * Read for every event the Logback bridge hands over: cheap, from what the last check found.
     * @return whether the appender was attached and started at the last check
     */
    boolean attached();

    /** Looks again (the adapter does on each health cycle), for an appender attached or removed since. */
    default void recheck() {
    }
}
