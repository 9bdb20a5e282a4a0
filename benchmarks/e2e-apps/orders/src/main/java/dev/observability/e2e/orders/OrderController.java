package dev.observability.e2e.orders;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's orders API: {@code POST /orders} places an order (201, and a log line inside its span), {@code GET /orders/{id}} reads
 * one (200 or 404).
 */
@RestController
@RequestMapping("/orders")
class OrderController {

    private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

    private final OrderBook book;

    private final OrderSignals signals;

    OrderController(OrderBook book, OrderSignals signals) {
        this.book = book;
        this.signals = signals;
    }

    @PostMapping
    ResponseEntity<Order> place(@RequestBody OrderRequest request) {
        Order order = this.signals.place(request, () -> {
            Order placed = this.book.place(request);
            logger.info("Order {} placed: {} x {} to {}", placed.id(), placed.quantity(), placed.item(), placed.region());
            return placed;
        });
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
    }

    @GetMapping("/{id}")
    ResponseEntity<Order> find(@PathVariable String id) {
        return ResponseEntity.of(this.signals.find(id, () -> this.book.find(id)));
    }
}
