package dev.observability.e2e.orders;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Orders in memory with ids 1, 2, 3, ...; an order is forgotten when the one {@value #CAPACITY} places later is placed,
 * so the book stays bounded under load (the benchmark reads the order it placed last).
 */
@Component
class OrderBook {

    static final int CAPACITY = 10_000;

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private final AtomicLong sequence = new AtomicLong();

    Order place(OrderRequest request) {
        long number = this.sequence.incrementAndGet();
        Order order = new Order(String.valueOf(number), request.item(), request.quantity(), request.regionOrEu());
        this.orders.put(order.id(), order);
        this.orders.remove(String.valueOf(number - CAPACITY));
        return order;
    }

    Optional<Order> find(String id) {
        return Optional.ofNullable(this.orders.get(id));
    }
}
