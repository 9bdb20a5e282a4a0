package com.example.shop;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.TimingHandle;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;

import org.springframework.stereotype.Component;

@Component
class PaymentMetrics {

    static final Metric RECEIVED = Metric.named("payload.received").withDescription("Bytes received in payloads")
            .withBaseUnit("bytes");
    static final Metric PAYMENT = Metric.named("payment.duration").withDescription("Time spent paying");

    private final ObservabilityManager manager;

    private final TimingHandle cardPayments;

    PaymentMetrics(ObservabilityManager manager) {
        this.manager = manager;
        this.cardPayments = manager.timingHandle(PAYMENT, Labels.of("provider", "card"));
    }

    void uploaded(long bytes) {
        this.manager.counter(RECEIVED, bytes, Labels.of("route", "upload"));
    }

    void paidByCard(Duration took) {
        this.cardPayments.record(took);
    }
}
