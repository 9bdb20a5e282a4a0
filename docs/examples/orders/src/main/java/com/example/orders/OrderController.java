package com.example.orders;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Metric;
import dev.observability.core.tracing.Span;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private static final Metric ORDERS_PLACED = Metric.named("orders.placed").withDescription("Orders placed");

    private final ObservabilityManager observability;

    OrderController(ObservabilityManager observability) {
        this.observability = observability;
    }

    @PostMapping("/orders")
    String place(@RequestParam("region") String region) {
        try (Span span = this.observability.startSpan("place-order", Fields.of("region", region))) {
            this.observability.counter(ORDERS_PLACED, Labels.of("region", region));
            this.observability.log(LogLevel.INFO, "Order placed", Fields.of("region", region));
            return "placed";
        }
    }
}
