package dev.observability.autoconfigure.reliability;

import java.time.Duration;

import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.chaos.HangGate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A web application with the starter and Actuator whose custom adapter beans are healthy, throw at random, hang
 * until released, answer slowly, or get switched off and on through the endpoint. Their lanes are tuned in the
 * tests' properties, as a user would.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ReliabilityTestApplication {

    /** Makes every 20,000th call of the hanging adapter hang until released. */
    @Bean
    HangGate hangGate() {
        return new HangGate(20_000);
    }

    @Bean
    ChaosAdapter healthyInline() {
        return new ChaosAdapter("healthy-inline", ChaosAdapter.healthy());
    }

    @Bean
    ChaosAdapter healthyAsync() {
        return new ChaosAdapter("healthy-async", ChaosAdapter.healthy());
    }

    @Bean
    ChaosAdapter throwing() {
        return new ChaosAdapter("throwing", ChaosAdapter.throwingAtRandom(40));
    }

    @Bean
    ChaosAdapter hanging(HangGate hangGate) {
        return new ChaosAdapter("hanging", hangGate);
    }

    @Bean
    ChaosAdapter slow() {
        return new ChaosAdapter("slow", ChaosAdapter.slow(Duration.ofMillis(1)));
    }

    @Bean
    ChaosAdapter toggled() {
        return new ChaosAdapter("toggled", ChaosAdapter.healthy());
    }
}
