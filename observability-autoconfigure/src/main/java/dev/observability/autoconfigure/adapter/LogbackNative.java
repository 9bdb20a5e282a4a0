package dev.observability.autoconfigure.adapter;

/**
 * Marks a logging adapter whose backend may receive the application's Logback events by itself (the OpenTelemetry
 * logs adapter while OpenTelemetry's own Logback appender is attached). The Logback bridge does not hand such an
 * adapter an event while it says so, so each event reaches its backend once; the adapter still receives what does
 * not pass through Logback.
 */
public interface LogbackNative {

    /**
     * Read for every event the bridge hands over: keep it cheap.
     * @return whether the backend receives the application's Logback events by itself now
     */
    boolean receivesLogbackEvents();
}
