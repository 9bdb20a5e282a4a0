package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;

import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.core.ObservabilityManagerBuilder;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The shortest time between two reports of an adapter's failures in the application's log
 * ({@code observability.dispatch.failure-log-interval}), for the exports the OpenTelemetry signals count.
 */
public final class FailureLogInterval {

    private FailureLogInterval() {
    }

    /**
     * @param properties the starter's properties, when bound
     * @return their interval, or the manager's default
     */
    public static Duration of(ObjectProvider<ObservabilityProperties> properties) {
        ObservabilityProperties observability = properties.getIfAvailable();
        return (observability != null) ? observability.getDispatch().getFailureLogInterval()
                : ObservabilityManagerBuilder.DEFAULT_FAILURE_LOG_INTERVAL;
    }
}
