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
 * The {@code observability} endpoint, shaped like Boot's {@code loggers} endpoint: {@code GET} lists the adapters
 * keyed by name, each with its {@code configuredEnabled} (from {@code observability.adapters.<name>.enabled} or the
 * default) and {@code effectiveEnabled} state, status and counters; {@code GET /{name}} describes one (404 for an
 * unknown name); {@code POST /{name}} with {@code {"enabled": false}} or {@code {"enabled": true}} switches one off or
 * on at runtime and {@code {"enabled": null}} returns it to its configured state, answering 204 No Content (404 for
 * an unknown name, 400 with a one-line {@code message} when {@code enabled} is not {@code true}, {@code false} or
 * {@code null}). Like every endpoint but {@code health}, it is reachable over the web only when the user exposes it.
 */
@Endpoint(id = "observability")
public class ObservabilityEndpoint {

    private final ObservabilityManager manager;

    /** @param manager the manager whose adapters are shown */
    public ObservabilityEndpoint(ObservabilityManager manager) {
        this.manager = manager;
    }

    /**
     * @return every adapter by name under {@code adapters}, and the recordings refused before any adapter, by reason
     */
    @ReadOperation
    public Map<String, Object> adapters() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adapters", AdapterDetails.byName(this.manager.adapters()));
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
     * Switches an adapter on or off, or back to its configured state. While off, its events are refused and counted
     * as {@code rejected_disabled}.
     * @param name an adapter's name
     * @param enabled {@code true} or {@code false}, or {@code null} (or absent) for the configured state; any other
     * value is refused. Boot's web layer reads the request body as text values, so {@code "false"} is read as
     * {@code false}, and {@code 0} is refused as {@code "0"}.
     * @return 204 No Content, 404 when no adapter has that name, 400 with a {@code message} for a bad value
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, String>> configure(@Selector String name, @Nullable String enabled) {
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            return new WebEndpointResponse<>(Map.of("message", "'enabled' must be true, false or null (the configured "
                    + "state), not " + describe(enabled)), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        boolean found = (enabled != null) ? this.manager.setEnabled(name, Boolean.parseBoolean(enabled))
                : this.manager.resetEnabled(name);
        return new WebEndpointResponse<>(found ? WebEndpointResponse.STATUS_NO_CONTENT
                : WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private static String describe(String value) {
        String text = value.replaceAll("\\s+", " ");
        return "'" + ((text.length() > 40) ? text.substring(0, 40) + "..." : text) + "'";
    }
}
