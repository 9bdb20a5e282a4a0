package dev.observability.sample.orders;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The orders placed so far, in memory, up to a fixed capacity so the sample's memory stays bounded.
 */
@Component
public class OrderBook {

    /** How many orders the book holds before it refuses new ones. */
    public static final int CAPACITY = 10_000;

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private final Clock clock = Clock.systemUTC();

    /**
     * @param request a valid request
     * @return the placed order, or empty when the book is full
     */
    Optional<Order> place(OrderRequest request) {
        if (this.orders.size() >= CAPACITY) {
            return Optional.empty();
        }
        Order order = new Order(UUID.randomUUID().toString(), String.valueOf(request.item()), request.quantity(),
                request.regionOrDefault(), this.clock.instant());
        this.orders.put(order.id(), order);
        return Optional.of(order);
    }

    /**
     * @param id an order's id
     * @return the order, or empty when there is none with that id
     */
    Optional<Order> find(String id) {
        return Optional.ofNullable(this.orders.get(id));
    }

    /** @return how many orders the book holds */
    int size() {
        return this.orders.size();
    }
}
