package dev.observability.e2e.orders;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.observability.e2e.variants.CustomAdapterApplicationTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's orders application with the starter, driven as the benchmark's load drives it (an order placed,
 * then read back at its {@code Location}), with the {@code custom} variant's adapter: the answers are right, the
 * manager's counter shows in the Prometheus scrape, the custom adapter's ASYNC lane receives the metrics and the log
 * lines, and no lane fails, drops or refuses an event for an open circuit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "e2e.adapter=custom", "management.otlp.metrics.export.enabled=false" })
class OrdersApplicationTests extends CustomAdapterApplicationTests {

    private static final int ORDERS = 20;

    @Test
    void placesAndFindsOrdersAndEveryLaneDeliversItsEvents() throws Exception {
        for (int i = 0; i < ORDERS; i++) {
            HttpResponse<String> placed = send(HttpRequest.newBuilder(url("/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\": \"book\", \"quantity\": 2, \"region\": \"eu\"}")));
            assertThat(placed.statusCode()).isEqualTo(201);
            HttpResponse<String> found = send(
                    HttpRequest.newBuilder(url(placed.headers().firstValue("Location").orElseThrow())));
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"item\":\"book\"");
        }
        assertThat(send(HttpRequest.newBuilder(url("/orders/no-such-order"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("/actuator/prometheus"))).body())
            .contains("orders_placed_total{region=\"eu\"} " + ORDERS + ".0");
        assertEveryLaneDeliveredItsEvents(ORDERS);
    }
}
