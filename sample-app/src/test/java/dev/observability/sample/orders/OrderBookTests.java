package dev.observability.sample.orders;

import java.util.ArrayList;
import java.util.List;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.HealthStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTests {

    private final OrderBook book = new OrderBook();

    private final OrderBookHealthCheck check = new OrderBookHealthCheck(this.book);

    @Test
    void keepsTheLatestOrdersUpToItsCapacityAndEvictsTheOldest() {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < OrderBook.CAPACITY + 3; i++) {
            placed.add(this.book.place(new OrderRequest("book", 1, "eu")));
        }
        assertThat(this.book.size()).isEqualTo(OrderBook.CAPACITY);
        assertThat(this.book.evicted()).isEqualTo(3);
        assertThat(placed.subList(0, 3)).allSatisfy((order) -> assertThat(this.book.find(order.id())).isEmpty());
        assertThat(this.book.find(placed.get(3).id())).contains(placed.get(3));
        assertThat(this.book.find(placed.get(placed.size() - 1).id())).contains(placed.get(placed.size() - 1));
    }

    @Test
    void healthCheckReportsTheBoundAndStaysUpWhenTheBookIsFull() {
        for (int i = 0; i < OrderBook.CAPACITY * 2; i++) {
            this.book.place(new OrderRequest("book", 1, "eu"));
        }
        AdapterHealth health = this.check.check();
        assertThat(health.status()).isEqualTo(HealthStatus.UP);
        assertThat(health.details()).containsEntry("orders", OrderBook.CAPACITY)
            .containsEntry("capacity", OrderBook.CAPACITY)
            .containsEntry("evicted", (long) OrderBook.CAPACITY);
    }
}
