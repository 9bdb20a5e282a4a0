package dev.observability.core.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Makes the circuit breaker of each lane. The default makes stand-alone breakers; an application that has a
 * Resilience4j {@link CircuitBreakerRegistry} can have the lanes' breakers live there, so they show in its
 * endpoints and metrics too.
 */
@FunctionalInterface
public interface CircuitBreakerFactory {

    /**
     * @param name the adapter's name, used as the breaker's name
     * @param config the breaker's configuration
     * @return a breaker
     */
    CircuitBreaker create(String name, CircuitBreakerConfig config);

    /**
     * Makes the breaker that replaces a lane's breaker when its settings change at runtime. The default makes a new
     * one with {@link #create}; the new breaker starts with an empty window.
     * @param replaced the breaker replaced
     * @param config the new breaker's configuration
     * @return a new breaker of the same name
     */
    default CircuitBreaker replace(CircuitBreaker replaced, CircuitBreakerConfig config) {
        return create(replaced.getName(), config);
    }

    static CircuitBreakerFactory standalone() {
        return CircuitBreaker::of;
    }

    /**
     * @param registry a registry
     * @return a factory that makes (or finds) the breakers in that registry, and replaces a breaker there when its
     * lane's settings change
     */
    static CircuitBreakerFactory of(CircuitBreakerRegistry registry) {
        return new CircuitBreakerFactory() {

            @Override
            public CircuitBreaker create(String name, CircuitBreakerConfig config) {
                return registry.circuitBreaker(name, config);
            }

            @Override
            public CircuitBreaker replace(CircuitBreaker replaced, CircuitBreakerConfig config) {
                CircuitBreaker fresh = CircuitBreaker.of(replaced.getName(), config, replaced.getTags());
                registry.replace(replaced.getName(), fresh);
                return fresh;
            }
        };
    }

    /**
     * Translates the project's settings into Resilience4j's configuration: a count-based window, and slow calls
     * opening the breaker at the same rate as failures. The lane also reports each slow call to the breaker as an
     * error, so slow calls and failures add up in one failure rate.
     * @param settings the settings
     * @return the configuration
     */
    static CircuitBreakerConfig config(CircuitBreakerSettings settings) {
        return CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.slidingWindowSize())
            .minimumNumberOfCalls(settings.minimumNumberOfCalls())
            .failureRateThreshold(settings.failureRateThreshold())
            .slowCallRateThreshold(settings.failureRateThreshold())
            .slowCallDurationThreshold(settings.slowCallDurationThreshold())
            .waitDurationInOpenState(settings.waitDurationInOpenState())
            .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
            .recordExceptions(Throwable.class)
            .build();
    }
}
