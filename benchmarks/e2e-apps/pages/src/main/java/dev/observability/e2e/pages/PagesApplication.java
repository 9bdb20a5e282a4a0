package dev.observability.e2e.pages;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The server-rendered page of the end-to-end benchmark.
 */
@SpringBootApplication(scanBasePackages = "dev.observability.e2e")
public class PagesApplication {

    /**
     * Starts the application.
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(PagesApplication.class, args);
    }
}
