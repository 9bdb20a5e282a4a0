package dev.observability.autoconfigure.adapter;

/**
 * Marks a tracing adapter whose backend already receives the application's Micrometer Observations (the
 * OpenTelemetry adapter shares Boot's SDK, which Boot's tracing handler feeds with every Observation). The
 * Observation bridge does not hand such an adapter those spans a second time.
 */
public interface ObservationNative {
}
