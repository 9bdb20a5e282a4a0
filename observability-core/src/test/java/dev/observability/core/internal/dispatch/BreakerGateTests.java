package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker's gate asks an OPEN breaker again only once the lane's clock has moved past its recheck time, never a
 * FORCED_OPEN one, and a CLOSED one never needs asking. The lane's clock is a counter the test moves.
 */
class BreakerGateTests {

    private static final long RECHECK = TimeUnit.MILLISECONDS.toNanos(BreakerGate.RECHECK_MILLIS);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final BreakerGate gate = new BreakerGate(this.now::get);

    private final CircuitBreaker breaker = CircuitBreaker.of("gate",
            CircuitBreakerConfig.custom().waitDurationInOpenState(Duration.ofHours(1)).build());

    private final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void countRefusals() {
        this.breaker.getEventPublisher().onCallNotPermitted((event) -> this.asked.incrementAndGet());
    }

    @Test
    void anOpenBreakerIsAskedOnceThenNotUntilTheClockHasMovedPastTheRecheck() {
        this.breaker.transitionToOpenState();
        refuseMany();
        assertThat(this.asked).as("asked by the first refusal only").hasValue(1);
        this.now.addAndGet(RECHECK - 1);
        refuseMany();
        assertThat(this.asked).as("the clock has not reached the recheck").hasValue(1);
        this.now.addAndGet(1);
        refuseMany();
        assertThat(this.asked).as("asked once more at the recheck").hasValue(2);
    }

    @Test
    void aForcedOpenBreakerIsNeverAsked() {
        this.breaker.transitionToForcedOpenState();
        refuseMany();
        this.now.addAndGet(10 * RECHECK);
        refuseMany();
        assertThat(this.asked).hasValue(0);
    }

    @Test
    void aClosedBreakerPermitsEveryCallAndAHalfOpenOneItsProbes() {
        assertThat(this.gate.permits(this.breaker)).isTrue();
        this.breaker.transitionToOpenState();
        this.breaker.transitionToHalfOpenState();
        int probes = this.breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
        for (int i = 0; i < probes; i++) {
            assertThat(this.gate.permits(this.breaker)).as("probe %d", i).isTrue();
        }
        assertThat(this.gate.permits(this.breaker)).as("one probe too many").isFalse();
        assertThat(this.asked).hasValue(1);
    }

    private void refuseMany() {
        for (int i = 0; i < 100; i++) {
            assertThat(this.gate.permits(this.breaker)).isFalse();
        }
    }
}
