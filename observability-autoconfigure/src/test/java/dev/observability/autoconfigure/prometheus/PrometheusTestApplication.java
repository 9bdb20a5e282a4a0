package dev.observability.autoconfigure.prometheus;

import java.time.Duration;

import dev.observability.autoconfigure.bridge.EventLog;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.DispatchMode;
import dev.observability.core.metrics.Labels;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application with the starter, Actuator and {@code micrometer-registry-prometheus}, as a user has it:
 * one endpoint records an order through the manager, and a custom metrics adapter bean (asynchronous, as adapters the
 * project did not write are by default) receives what the Micrometer bridge hands it.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(PrometheusTestApplication.Orders.class)
public class PrometheusTestApplication {

    /** The name of the custom adapter. */
    public static final String CUSTOM_ADAPTER = "custom";

    @Bean
    EventLog customAdapter() {
        return new EventLog(CUSTOM_ADAPTER, DispatchMode.ASYNC);
    }

    /**
     * Records one order per request: a counter, a histogram and a timing.
     */
    @RestController
    static class Orders {

        private final ObservabilityManager manager;

        Orders(ObservabilityManager manager) {
            this.manager = manager;
        }

        @GetMapping("/orders")
        String placeOrder() {
            this.manager.counter("orders.placed", 1, Labels.of("region", "eu"));
            this.manager.histogram("order.size", 5, Labels.of("region", "eu"));
            this.manager.timing("checkout.duration", Duration.ofMillis(250), Labels.of("step", "pay"));
            return "placed";
        }
    }
}
