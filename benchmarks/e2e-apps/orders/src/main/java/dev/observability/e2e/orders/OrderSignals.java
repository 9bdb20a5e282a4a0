package dev.observability.e2e.orders;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sample's telemetry for each request: a span around the work, counters and a histogram; what the sample
 * records through the manager.
 */
public interface OrderSignals {

    /**
     * Places an order inside an {@code orders.place} span; counts {@code orders.placed} by region and records the
     * quantity in {@code orders.quantity}.
     * @param request the order
     * @param placement places it
     * @return the placed order
     */
    Order place(OrderRequest request, Supplier<Order> placement);

    /**
     * Looks an order up inside an {@code orders.find} span; counts {@code orders.lookups} by whether it was found.
     * @param id the order's id
     * @param lookup finds it
     * @return the order, or empty
     */
    Optional<Order> find(String id, Supplier<Optional<Order>> lookup);
}
