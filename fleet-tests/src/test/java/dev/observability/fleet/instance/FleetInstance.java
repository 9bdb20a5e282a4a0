package dev.observability.fleet.instance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * One instance of the fleet: a web application with the starter, Boot's OpenTelemetry tracing, a Spring Cloud Config
 * client and Spring Cloud Bus over AMQP, as the fleet test starts it (the settings under test come from the Config
 * Server). Its one adapter, {@value CountingAdapter#NAME}, counts the events of the traffic that
 * {@link FleetController} serves.
 */
@SpringBootApplication
public class FleetInstance {

    @Bean
    CountingAdapter countingAdapter() {
        return new CountingAdapter();
    }

    public static void main(String[] args) {
        SpringApplication.run(FleetInstance.class, args);
    }
}
