package dev.observability.sample.orders;

import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.HealthStatus;
import org.springframework.stereotype.Component;

/**
 * A health check the starter runs on its schedule ({@code observability.health.interval}) and shows under
 * {@code /actuator/health/observability/checks/order-book}: UP while the book has room, DEGRADED when it is 90 %
 * full, DOWN when it is full and orders are refused.
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
        int size = this.book.size();
        HealthStatus status = (size >= OrderBook.CAPACITY) ? HealthStatus.DOWN
                : (size >= OrderBook.CAPACITY * 9 / 10) ? HealthStatus.DEGRADED : HealthStatus.UP;
        String message = (status == HealthStatus.UP) ? null : "order book " + size + "/" + OrderBook.CAPACITY;
        return AdapterHealth.of(status, message).withDetail("orders", size).withDetail("capacity", OrderBook.CAPACITY);
    }
}
