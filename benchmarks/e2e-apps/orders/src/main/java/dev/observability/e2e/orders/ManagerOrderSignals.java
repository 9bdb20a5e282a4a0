package dev.observability.e2e.orders;

import java.util.Optional;
import java.util.function.Supplier;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.tracing.Span;

/**
 * The signals through the {@link ObservabilityManager}, as the sample's controller records them.
 */
class ManagerOrderSignals implements OrderSignals {

    private final ObservabilityManager observability;

    private final HistogramHandle quantities;

    ManagerOrderSignals(ObservabilityManager observability) {
        this.observability = observability;
        this.quantities = observability.histogramHandle("orders.quantity", Labels.empty());
    }

    @Override
    public Order place(OrderRequest request, Supplier<Order> placement) {
        try (Span span = this.observability.startSpan("orders.place",
                Fields.of("order.item", request.item(), "order.region", request.regionOrEu()))) {
            Order order = placement.get();
            span.attribute("order.id", order.id());
            this.observability.counter("orders.placed", Labels.of("region", order.region()));
            this.quantities.record(order.quantity());
            return order;
        }
    }

    @Override
    public Optional<Order> find(String id, Supplier<Optional<Order>> lookup) {
        try (Span span = this.observability.startSpan("orders.find", Fields.of("order.id", id))) {
            Optional<Order> order = lookup.get();
            span.attribute("order.found", order.isPresent());
            this.observability.counter("orders.lookups", Labels.of("found", String.valueOf(order.isPresent())));
            return order;
        }
    }
}
