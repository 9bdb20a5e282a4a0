package dev.observability.autoconfigure.adapter;

/**
 * Marks a metrics adapter whose backend already holds the application's Micrometer meters (the Prometheus adapter
 * records into Boot's {@code PrometheusMeterRegistry}, which Boot's meters reach by themselves). The Micrometer
 * bridge does not hand such an adapter those meters a second time.
 */
public interface MicrometerNative {
}
