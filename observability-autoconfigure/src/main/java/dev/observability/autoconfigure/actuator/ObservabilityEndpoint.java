package dev.observability.autoconfigure.actuator;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.ObservabilityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code observability} endpoint: {@code GET} lists the adapters with their state and counters,
 * {@code GET /{name}} describes one, and {@code POST /{name}} with {@code {"enabled": false}} or
 * {@code {"enabled": true}} switches one off or on at runtime, like Boot's {@code loggers} endpoint. Like every
 * endpoint but {@code health}, it is reachable over the web only when the user exposes it.
 */
@Endpoint(id = "observability")
public class ObservabilityEndpoint {

    private final ObservabilityManager manager;

    /** @param manager the manager whose adapters are shown */
    public ObservabilityEndpoint(ObservabilityManager manager) {
        this.manager = manager;
    }

    /** @return every adapter under {@code adapters}, and the recordings refused before any adapter, by reason */
    @ReadOperation
    public Map<String, Object> adapters() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adapters", AdapterDetails.of(this.manager.adapters()));
        Map<String, Long> refusals = new LinkedHashMap<>();
        this.manager.refusals().snapshot().forEach((reason, count) -> refusals.put(reason.tagValue(), count));
        body.put("refusals", refusals);
        return body;
    }

    /**
     * @param name an adapter's name
     * @return the adapter's description, or {@code null} (HTTP 404) when no adapter has that name
     */
    @ReadOperation
    public @Nullable Map<String, Object> adapter(@Selector String name) {
        return this.manager.adapter(name).map(AdapterDetails::of).orElse(null);
    }

    /**
     * Switches an adapter on or off. While off, its events are refused and counted as {@code rejected_disabled}.
     * @param name an adapter's name
     * @param enabled the new state
     * @return the adapter's description after the switch, or HTTP 404 when no adapter has that name
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> setEnabled(@Selector String name, boolean enabled) {
        if (!this.manager.setEnabled(name, enabled)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(this.manager.adapter(name).map(AdapterDetails::of).orElseThrow());
    }
}
