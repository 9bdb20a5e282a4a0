package dev.observability.e2e.orders;

import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The same signals without the starter: an Observation for the span (Boot's handlers turn it into a timer, and into a
 * span when tracing is on) and meters on Boot's registry.
 */
class MicrometerOrderSignals implements OrderSignals {

    private final ObservationRegistry observations;

    private final MeterRegistry meters;

    private final DistributionSummary quantities;

    MicrometerOrderSignals(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
        this.quantities = meters.summary("orders.quantity");
    }

    @Override
    public Order place(OrderRequest request, Supplier<Order> placement) {
        Observation observation = Observation.createNotStarted("orders.place", this.observations)
            .highCardinalityKeyValue("order.item", request.item())
            .lowCardinalityKeyValue("order.region", request.regionOrEu())
            .start();
        try (Observation.Scope scope = observation.openScope()) {
            Order order = placement.get();
            observation.highCardinalityKeyValue("order.id", order.id());
            this.meters.counter("orders.placed", "region", order.region()).increment();
            this.quantities.record(order.quantity());
            return order;
        }
        finally {
            observation.stop();
        }
    }

    @Override
    public Optional<Order> find(String id, Supplier<Optional<Order>> lookup) {
        Observation observation = Observation.createNotStarted("orders.find", this.observations)
            .highCardinalityKeyValue("order.id", id)
            .start();
        try (Observation.Scope scope = observation.openScope()) {
            Optional<Order> order = lookup.get();
            observation.highCardinalityKeyValue("order.found", String.valueOf(order.isPresent()));
            this.meters.counter("orders.lookups", "found", String.valueOf(order.isPresent())).increment();
            return order;
        }
        finally {
            observation.stop();
        }
    }
}
