package com.example.shop;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Labels;

import org.springframework.stereotype.Component;

@Component
class ShopMetrics {

    private final ObservabilityManager manager;

    ShopMetrics(ObservabilityManager manager) {
        this.manager = manager;
    }

    void recordOneOfEach() {
        this.manager.counter("orders.placed", 1, Labels.of("region", "eu"));
        this.manager.gauge("queue.depth", 42, Labels.of("queue", "mail"));
        this.manager.histogram("order.size", 5, Labels.of("region", "eu"));
        this.manager.timing("checkout.duration", Duration.ofMillis(250), Labels.of("step", "pay"));
    }
}
