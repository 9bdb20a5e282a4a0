package com.example.shop;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/prometheus.md's naming table and scrape, on its own application context (the page records
 * {@code orders.placed} without a description, which the getting-started context records with one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=prometheus-naming")
class PrometheusNamingTests {

    @LocalServerPort
    int port;

    @Autowired
    ShopMetrics shop;

    @Autowired
    PaymentMetrics payments;

    @Test
    void theManagersMetricsAreScrapedUnderTheNamesOfTheTable() {
        this.shop.recordOneOfEach();
        assertThat(scrape()).contains("orders_placed_total{region=\"eu\"} 1.0\n", "queue_depth{queue=\"mail\"} 42.0\n",
                "order_size_count{region=\"eu\"} 1\n", "order_size_sum{region=\"eu\"} 5.0\n",
                "order_size_max{region=\"eu\"} 5.0\n", "checkout_duration_seconds_count{step=\"pay\"} 1\n",
                "checkout_duration_seconds_sum{step=\"pay\"} 0.25\n", "checkout_duration_seconds_max{step=\"pay\"} 0.25\n");
    }

    @Test
    void aMetricsDescriptionIsItsHelpTextAndItsBaseUnitIsPartOfTheName() {
        this.payments.uploaded(512);
        this.payments.paidByCard(Duration.ofMillis(250));
        assertThat(scrape()).contains("# HELP payload_received_bytes_total Bytes received in payloads\n"
                + "# TYPE payload_received_bytes_total counter\n"
                + "payload_received_bytes_total{route=\"upload\"} 512.0\n")
            .contains("# HELP payment_duration_seconds Time spent paying\n"
                    + "# TYPE payment_duration_seconds summary\n"
                    + "payment_duration_seconds_count{provider=\"card\"} 1\n");
    }

    private String scrape() {
        return RestClient.create("http://127.0.0.1:" + this.port)
            .get()
            .uri("/actuator/prometheus")
            .retrieve()
            .body(String.class);
    }
}
