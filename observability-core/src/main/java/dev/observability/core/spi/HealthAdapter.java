package dev.observability.core.spi;

/**
 * An adapter that receives each health report the manager's health cycle produces.
 */
public interface HealthAdapter extends ObservabilityAdapter {

    /**
     * Receives one report.
     * @param report the checks' results and every adapter's state
     */
    void report(HealthReport report);
}
