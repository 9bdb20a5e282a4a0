package dev.observability.autoconfigure.actuator;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code observability} endpoint, shaped like Boot's {@code loggers} endpoint. {@code GET} lists the manager's
 * settings and the adapters keyed by name, each with its state, counters and settings; {@code GET /{name}} describes
 * one adapter (404 for an unknown name). Each setting shows its {@code configured} value (from the properties) and its
 * {@code effective} one (for {@code dispatch.mode}, which the properties may leave to the adapter as {@code null}, the
 * mode the lane runs in).
 * <p>
 * {@code POST /{name}} changes the settings of the adapter in the path, and of no other, by the names of
 * {@code observability.adapters.<name>.*} ({@code {"enabled": false}}, {@code {"circuit-breaker":
 * {"failure-rate-threshold": 20}, "dispatch": {"queue-capacity": 20000}}}, {@code {"signals.logging": false}}), and
 * {@code POST /} the manager's, by the names of {@code observability.*} ({@code {"logging": {"level": "debug"}}},
 * {@code {"metrics.enabled": false}}): nested as in the YAML or by flat property names, which mean the same;
 * {@code null} returns a setting to its configured value (see {@link SettingsBody}). The settings come from the JSON
 * body only. A write answers 204 No Content, 404 for an unknown adapter, or 400 with a one-line {@code message} when
 * the request or a key or value is refused (naming the setting and its range), and then changes nothing, or 503 with
 * a one-line {@code message} when an adapter's change cannot be applied now (the heap has no room for a larger
 * queue) and nothing changed; over Spring MVC the request is read by
 * {@code ObservabilityEndpointRequestBodyAdvice} first. Each change is logged once, with the authenticated principal's
 * name when there is one, and counted in the self-metrics; changes last until the application stops.
 * <p>
 * Like every endpoint but {@code health}, it is reachable over the web only when the user exposes it. Its access is
 * read-only by default: the writes exist once the application grants them
 * ({@code management.endpoint.observability.access=unrestricted}), and are then behind the application's security as
 * any endpoint's.
 */
@Endpoint(id = ObservabilityEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class ObservabilityEndpoint {

    /** The endpoint's id. */
    static final String ID = "observability";

    /** The selector of an adapter's operations: the adapter's name, from the path. */
    static final String NAME = "name";

    private final ObservabilityControls controls;

    private final SettingsBody<LaneSettings> laneBody = new SettingsBody<>(LaneSetting.all());

    private final SettingsBody<ManagerSettings> managerBody = new SettingsBody<>(ManagerSetting.all());

    /** @param manager the manager whose adapters are shown */
    public ObservabilityEndpoint(ObservabilityManager manager) {
        this.controls = manager.controls();
    }

    /**
     * @return the manager's settings under {@code settings}, every adapter by name under {@code adapters}, and the
     * recordings refused before any adapter, by reason
     */
    @ReadOperation
    public Map<String, Object> adapters() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", SettingsView.of(ManagerSetting.all(), this.controls.configuredSettings(),
                this.controls.settings()));
        Map<String, Object> adapters = new LinkedHashMap<>();
        this.controls.adapters().forEach((adapter) -> this.controls.lane(adapter.name())
            .ifPresent((lane) -> adapters.put(adapter.name(), describe(lane))));
        body.put("adapters", adapters);
        Map<String, Long> refusals = new LinkedHashMap<>();
        this.controls.refusals().snapshot().forEach((reason, count) -> refusals.put(reason.tagValue(), count));
        body.put("refusals", refusals);
        return body;
    }

    /**
     * @param name an adapter's name
     * @return the adapter's description, or {@code null} (HTTP 404) when no adapter has that name
     */
    @ReadOperation
    public @Nullable Map<String, Object> adapter(@Selector String name) {
        return this.controls.lane(name).map(ObservabilityEndpoint::describe).orElse(null);
    }

    /**
     * Changes an adapter's settings, all or nothing.
     * @param name an adapter's name
     * @param body the request's body (every argument but the selector, see
     * {@link ObservabilityEndpointBodyAdvisor}): settings by their names in kebab-case, nested or flat, {@code null}
     * for the configured value; a missing body is refused
     * @param principal who asks, when the request is authenticated
     * @return 204 No Content, 404 when no adapter has that name, 400 with a {@code message} for a refused key or value,
     * 503 with a {@code message} when the change cannot be applied now (no memory for a larger queue, the application
     * stopping)
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, String>> configure(@Selector String name,
            @Nullable Map<String, Object> body, @Nullable Principal principal) {
        try {
            SettingsChange<LaneSettings> change = this.laneBody.read(body);
            Optional<LaneSettings> changed = this.controls.changeSettings(name, change.by(nameOf(principal)));
            return new WebEndpointResponse<>(changed.isPresent() ? WebEndpointResponse.STATUS_NO_CONTENT
                    : WebEndpointResponse.STATUS_NOT_FOUND);
        }
        catch (IllegalArgumentException ex) {
            return refused(ex, WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        catch (IllegalStateException ex) {
            return refused(ex, WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
        }
    }

    /**
     * Changes the manager's settings, all or nothing.
     * @param body the request's body: settings by their names in kebab-case, nested or flat, {@code null} for the
     * configured value; a missing body is refused
     * @param principal who asks, when the request is authenticated
     * @return 204 No Content, or 400 with a {@code message} for a refused key or value
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, String>> configureManager(@Nullable Map<String, Object> body,
            @Nullable Principal principal) {
        try {
            SettingsChange<ManagerSettings> change = this.managerBody.read(body);
            this.controls.changeSettings(change.by(nameOf(principal)));
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT);
        }
        catch (IllegalArgumentException ex) {
            return refused(ex, WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    private static Map<String, Object> describe(LaneView lane) {
        AdapterSnapshot snapshot = lane.snapshot();
        Map<String, Object> details = AdapterDetails.of(snapshot);
        // A mode left to the adapter (null) shows so as configured; the effective one is the mode the lane runs in.
        LaneSettings effective = lane.settings().withDispatch(snapshot.dispatch());
        details.put("settings", SettingsView.of(LaneSetting.all(), lane.configuredSettings(), effective));
        return details;
    }

    private static @Nullable String nameOf(@Nullable Principal principal) {
        return (principal != null) ? principal.getName() : null;
    }

    private static WebEndpointResponse<Map<String, String>> refused(RuntimeException ex, int status) {
        return new WebEndpointResponse<>(Map.of("message", OneLine.of(ex.getMessage())), status);
    }
}
