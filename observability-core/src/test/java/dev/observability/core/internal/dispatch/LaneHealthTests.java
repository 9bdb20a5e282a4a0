package dev.observability.core.internal.dispatch;

import java.util.concurrent.TimeUnit;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.ObservabilityAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane's health alone: the adapter's own health as asked (masked, DOWN when the call fails), made worse by a
 * switch turned off, a breaker that is not closed, or a call running past the slow-call threshold, in that order.
 */
class LaneHealthTests {

    private static final long SLOW = TimeUnit.SECONDS.toNanos(1);

    private final LaneHealth health = new LaneHealth(Redaction.defaults());

    @Test
    void isUnknownUntilTheAdapterWasAsked() {
        assertThat(this.health.derive(true, CircuitBreaker.State.CLOSED, -1, SLOW))
            .isEqualTo(AdapterHealth.of(HealthStatus.UNKNOWN, "not checked yet"));
    }

    @Test
    void isTheAdaptersOwnHealthWithSensitiveDetailsMasked() {
        AdapterHealth answer = AdapterHealth.up().withDetail("password", "hunter2").withDetail("url", "http://backend");
        this.health.refresh(adapter(answer));
        AdapterHealth derived = this.health.derive(true, CircuitBreaker.State.CLOSED, -1, SLOW);
        assertThat(derived.status()).isEqualTo(HealthStatus.UP);
        assertThat(derived.details()).containsEntry("password", "******").containsEntry("url", "http://backend");
    }

    @Test
    void isDownWhenTheAdaptersHealthThrowsOrReturnsNothing() {
        ObservabilityAdapter throwing = new ObservabilityAdapter() {
            @Override
            public String name() {
                return "throwing";
            }

            @Override
            public AdapterHealth health() {
                throw new IllegalStateException("no route");
            }
        };
        assertThat(this.health.refresh(throwing))
            .isEqualTo(AdapterHealth.down("health() threw java.lang.IllegalStateException: no route"));
        assertThat(this.health.refresh(adapter(null))).isEqualTo(AdapterHealth.down("returned no health"));
    }

    @Test
    void keepsAHealthFoundBySomeoneElseMasked() {
        this.health.record(AdapterHealth.down("timed out").withDetail("token", "abc"));
        AdapterHealth derived = this.health.derive(true, CircuitBreaker.State.CLOSED, -1, SLOW);
        assertThat(derived.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(derived.details()).containsEntry("token", "******");
    }

    @Test
    void aCallPastTheSlowCallThresholdDegradesIt() {
        this.health.refresh(adapter(AdapterHealth.up()));
        assertThat(this.health.derive(true, CircuitBreaker.State.CLOSED, SLOW, SLOW).status())
            .as("at the threshold").isEqualTo(HealthStatus.UP);
        assertThat(this.health.derive(true, CircuitBreaker.State.CLOSED, 2 * SLOW, SLOW))
            .isEqualTo(AdapterHealth.of(HealthStatus.DEGRADED, "current call has run for 2000 ms"));
    }

    @Test
    void aBreakerThatIsNotClosedShowsAsCircuitOpenWithTheLastError() {
        this.health.error("IOException: connection refused");
        for (CircuitBreaker.State state : new CircuitBreaker.State[] { CircuitBreaker.State.OPEN,
                CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.FORCED_OPEN }) {
            assertThat(this.health.derive(true, state, 2 * SLOW, SLOW)).isEqualTo(AdapterHealth.of(HealthStatus.CIRCUIT_OPEN,
                    "circuit breaker " + state + "; last error: IOException: connection refused"));
        }
        assertThat(this.health.lastError()).isNotNull();
        assertThat(this.health.lastError().message()).isEqualTo("IOException: connection refused");
    }

    @Test
    void switchedOffWinsOverEverythingElse() {
        this.health.error("IOException: connection refused");
        assertThat(this.health.derive(false, CircuitBreaker.State.OPEN, 2 * SLOW, SLOW))
            .isEqualTo(AdapterHealth.of(HealthStatus.DISABLED, "switched off"));
    }

    @Test
    void theStatusAndExportsReadAloneAreThoseOfTheDerivedHealthInEveryState() {
        ExportCounts exports = new ExportCounts("spans", 5, 1, 0, 2);
        for (HealthStatus own : HealthStatus.values()) {
            this.health.record(AdapterHealth.of(own, "own").withExports(exports));
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                for (long callNanos : new long[] { -1, SLOW, 2 * SLOW }) {
                    for (boolean enabled : new boolean[] { true, false }) {
                        AdapterHealth derived = this.health.derive(enabled, state, callNanos, SLOW);
                        assertThat(this.health.status(enabled, state, callNanos, SLOW))
                            .as("%s, %s, %d ns, enabled %s", own, state, callNanos, enabled)
                            .isEqualTo(derived.status());
                        assertThat(this.health.exports()).isEqualTo(derived.exports()).isEqualTo(exports);
                    }
                }
            }
        }
        this.health.record(AdapterHealth.up());
        assertThat(this.health.exports()).isNull();
    }

    private static ObservabilityAdapter adapter(@Nullable AdapterHealth answer) {
        return new ObservabilityAdapter() {
            @Override
            public String name() {
                return "backend";
            }

            @Override
            public @Nullable AdapterHealth health() {
                return answer;
            }
        };
    }
}
