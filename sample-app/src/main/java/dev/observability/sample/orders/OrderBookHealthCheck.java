package dev.observability.sample.orders;

import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.AdapterHealth;
import org.springframework.stereotype.Component;

/**
 * A health check the starter runs on its schedule ({@code observability.health.interval}) and shows under
 * {@code /actuator/health/observability/checks/order-book}: the book's bound ({@code capacity}), how many orders it
 * holds and how many older ones it evicted. A full book is the bound at work, not an outage: the check stays
 * {@code UP}.
 */
@Component
class OrderBookHealthCheck implements HealthCheck {

    private final OrderBook book;

    OrderBookHealthCheck(OrderBook book) {
        this.book = book;
    }

    @Override
    public String name() {
        return "order-book";
    }

    @Override
    public AdapterHealth check() {
        return AdapterHealth.up().withDetail("orders", this.book.size()).withDetail("capacity", OrderBook.CAPACITY)
            .withDetail("evicted", this.book.evicted());
    }
}
