package dev.observability.core.spi;

/**
 * An adapter that receives structured log events at or above the manager's minimum level.
 */
public interface LoggingAdapter extends ObservabilityAdapter {

    /**
     * Receives one event.
     * @param event the event; its message and string fields are already cut to the manager's limits
     */
    void log(LogEvent event);
}
