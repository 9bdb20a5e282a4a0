package dev.observability.sample.orders;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The latest orders placed, in memory: it holds at most {@value #CAPACITY}, and placing one more evicts the oldest,
 * so the sample's memory stays bounded however long it runs and it never refuses an order for room.
 */
@Component
public class OrderBook {

    /** How many orders the book holds; placing one more evicts the oldest. */
    public static final int CAPACITY = 10_000;

    private final Map<String, Order> orders = new LinkedHashMap<>();

    private final Clock clock = Clock.systemUTC();

    private long evicted;

    /**
     * @param request a valid request
     * @return the placed order
     */
    synchronized Order place(OrderRequest request) {
        Order order = new Order(UUID.randomUUID().toString(), String.valueOf(request.item()), request.quantity(),
                request.regionOrDefault(), this.clock.instant());
        this.orders.put(order.id(), order);
        if (this.orders.size() > CAPACITY) {
            String oldest = this.orders.keySet().iterator().next();
            this.orders.remove(oldest);
            this.evicted++;
        }
        return order;
    }

    /**
     * @param id an order's id
     * @return the order, or empty when there is none with that id (or it was evicted for newer ones)
     */
    synchronized Optional<Order> find(String id) {
        return Optional.ofNullable(this.orders.get(id));
    }

    synchronized int size() {
        return this.orders.size();
    }

    /** @return how many older orders were evicted to make room for newer ones */
    synchronized long evicted() {
        return this.evicted;
    }
}
