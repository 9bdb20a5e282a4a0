package dev.observability.e2e.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orders API of the end-to-end benchmark.
 */
@SpringBootApplication(scanBasePackages = "dev.observability.e2e")
public class OrdersApplication {

    /**
     * Starts the application.
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
