package dev.observability.autoconfigure.actuator;

import java.util.Locale;

import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Outcome;
import dev.observability.core.spi.Signal;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The project's self-metrics, so Prometheus (or any registry) can alert on drops and open circuits:
 * <ul>
 * <li>{@code observability.adapter.events} (function counter; tags {@code adapter}, {@code signal},
 * {@code outcome}: {@code delivered}, {@code failed}, {@code dropped}, {@code rejected_circuit_open},
 * {@code rejected_disabled}, {@code rejected_reentrant})</li>
 * <li>{@code observability.adapter.queue.size} and {@code observability.adapter.queue.capacity} (gauges; tag
 * {@code adapter})</li>
 * <li>{@code observability.adapter.circuit.state} (gauge; tags {@code adapter}, {@code state}: 1 for the breaker's
 * current state, 0 for the others, as Resilience4j does)</li>
 * <li>{@code observability.adapter.enabled} (gauge; tag {@code adapter}: 1 on, 0 off)</li>
 * <li>{@code observability.adapter.health} (gauge; tags {@code adapter}, {@code status}: 1 for the lane's current
 * health status, 0 for the others, as the lane's health shows it)</li>
 * <li>{@code observability.adapter.exports} (function counter; tags {@code adapter}, {@code outcome}:
 * {@code exported}, {@code failed}, {@code refused}) and {@code observability.adapter.exports.dropped.or.queued}
 * (gauge; tag {@code adapter}): what the backend of an adapter that exports out of its lane's sight did with the
 * items, and those that reached no export (dropped by the exporter's full queue, or still waiting in it), as of the
 * last health check; 0 for an adapter that reports no export figures</li>
 * <li>{@code observability.adapter.settings.changes} (function counter; tag {@code adapter}): the adapter's settings
 * changed at runtime, each setting of each change once</li>
 * <li>{@code observability.refusals} (function counter; tag {@code reason}): recordings refused before any
 * adapter</li>
 * <li>{@code observability.settings.changes} (function counter): the manager's settings changed at runtime (the
 * minimum log level, the signals routed)</li>
 * </ul>
 * The meters read the lanes' own counters when scraped, each only the figure it shows (not the lane's whole
 * snapshot); nothing is counted twice. The adapter meters follow the manager's adapters: those of an adapter
 * registered at runtime ({@link ObservabilityManager#register}) appear in every registry the binder is bound to as
 * soon as it is registered.
 */
public final class ObservabilityMeterBinder implements MeterBinder {

    private final ObservabilityControls controls;

    /** @param manager the manager whose lanes are measured */
    public ObservabilityMeterBinder(ObservabilityManager manager) {
        this.controls = manager.controls();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.controls.onAdapterRegistered((lane) -> bindLane(lane, registry));
        for (InputRefusal reason : InputRefusal.values()) {
            FunctionCounter.builder("observability.refusals", this.controls,
                    (controls) -> controls.refusals().count(reason))
                .tag("reason", reason.tagValue())
                .description("Recordings refused before any adapter, by reason")
                .register(registry);
        }
        FunctionCounter.builder("observability.settings.changes", this.controls,
                ObservabilityControls::settingsChanges)
            .description("The manager's settings changed at runtime")
            .register(registry);
    }

    private static double droppedOrQueued(LaneView lane) {
        ExportCounts exports = lane.exports();
        return (exports != null) ? exports.droppedOrQueued() : 0;
    }

    private static void bindLane(LaneView lane, MeterRegistry registry) {
        String adapter = lane.name();
        for (Signal signal : lane.signals()) {
            for (Outcome outcome : Outcome.values()) {
                FunctionCounter.builder("observability.adapter.events", lane,
                        (measured) -> measured.counts(signal).count(outcome))
                    .tags("adapter", adapter, "signal", signal.tagValue(), "outcome", outcome.tagValue())
                    .description("Events handed to an adapter's lane, by outcome")
                    .register(registry);
            }
        }
        Gauge.builder("observability.adapter.queue.size", lane, LaneView::queueDepth)
            .tag("adapter", adapter)
            .description("Events waiting in an adapter's queue")
            .register(registry);
        Gauge.builder("observability.adapter.queue.capacity", lane, LaneView::queueCapacity)
            .tag("adapter", adapter)
            .description("Capacity of an adapter's queue (0 for inline dispatch)")
            .register(registry);
        FunctionCounter.builder("observability.adapter.settings.changes", lane, LaneView::settingsChanges)
            .tag("adapter", adapter)
            .description("An adapter's settings changed at runtime")
            .register(registry);
        Gauge.builder("observability.adapter.enabled", lane, (measured) -> measured.isEnabled() ? 1 : 0)
            .tag("adapter", adapter)
            .description("Whether an adapter is switched on")
            .register(registry);
        for (HealthStatus status : HealthStatus.values()) {
            Gauge.builder("observability.adapter.health", lane,
                    (measured) -> (measured.healthStatus() == status) ? 1 : 0)
                .tags("adapter", adapter, "status", status.name().toLowerCase(Locale.ROOT))
                .description("The health of an adapter's lane: 1 for the current status")
                .register(registry);
        }
        for (ExportOutcome outcome : ExportOutcome.values()) {
            FunctionCounter.builder("observability.adapter.exports", lane, outcome::count)
                .tags("adapter", adapter, "outcome", outcome.tagValue())
                .description("Items an adapter's backend exported, failed to export or refused, by outcome")
                .register(registry);
        }
        Gauge.builder("observability.adapter.exports.dropped.or.queued", lane,
                ObservabilityMeterBinder::droppedOrQueued)
            .tag("adapter", adapter)
            .description("Items of an adapter's exports dropped by the exporter's full queue or still waiting in it")
            .register(registry);
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("observability.adapter.circuit.state", lane,
                    (measured) -> state.name().equals(measured.circuitState()) ? 1 : 0)
                .tags("adapter", adapter, "state", state.name().toLowerCase(Locale.ROOT))
                .description("The state of an adapter's circuit breaker: 1 for the current state")
                .register(registry);
        }
    }
}
