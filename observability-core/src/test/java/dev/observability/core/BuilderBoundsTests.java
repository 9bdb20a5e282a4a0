package dev.observability.core;

import java.time.Duration;

import dev.observability.core.health.HealthSettings;
import dev.observability.core.logging.LogLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The manager's settings that are set once, in the builder, have a lower and an upper bound too, checked where they
 * are set, with the reason that names the setting, its range and the value.
 */
class BuilderBoundsTests {

    @Test
    void theShutdownTimeoutIsFromZeroToAnHour() {
        ObservabilityManagerBuilder builder = ObservabilityManager.builder();
        builder.shutdownTimeout(Duration.ZERO).shutdownTimeout(Duration.ofHours(1));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.shutdownTimeout(Duration.ofHours(1).plusNanos(1)))
            .withMessage("dispatch.shutdown-timeout must be a duration from 0ms to 1h, not PT1H0.000000001S");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.shutdownTimeout(Duration.ofNanos(-1)))
            .withMessageStartingWith("dispatch.shutdown-timeout must be a duration from 0ms to 1h, not ");
    }

    @Test
    void theFailureLogIntervalIsFromASecondToADay() {
        ObservabilityManagerBuilder builder = ObservabilityManager.builder();
        builder.failureLogInterval(Duration.ofSeconds(1)).failureLogInterval(Duration.ofDays(1));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.failureLogInterval(Duration.ofMillis(999)))
            .withMessage("dispatch.failure-log-interval must be a duration from 1s to 1d, not 999ms");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.failureLogInterval(Duration.ofDays(2)))
            .withMessage("dispatch.failure-log-interval must be a duration from 1s to 1d, not 2d");
    }

    @Test
    void theHealthCycleIsBoundedOnBothSides() {
        assertThat(new HealthSettings(Duration.ofMillis(10), Duration.ofMillis(1), 1).interval())
            .isEqualTo(Duration.ofMillis(10));
        assertThat(new HealthSettings(Duration.ofDays(1), Duration.ofDays(1), 100).timeout())
            .isEqualTo(Duration.ofDays(1));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HealthSettings(Duration.ofMillis(9), Duration.ofSeconds(1), 3))
            .withMessage("health.interval must be a duration from 10ms to 1d, not 9ms");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HealthSettings(Duration.ofSeconds(30), Duration.ofDays(1).plusMillis(1), 3))
            .withMessage("health.timeout must be a duration from 1ms to 1d, not 86400001ms");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 0))
            .withMessage("health.failure-threshold must be a whole number from 1 to 100, not 0");
    }

    @Test
    void logLimitsAreBoundedOnBothSides() {
        assertThat(new LogLimits(1 << 20, 1 << 20, 1024)).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new LogLimits((1 << 20) + 1, 4096, 64))
            .withMessage("maxMessageLength must be a whole number from 1 to 1048576, not 1048577");
        assertThatIllegalArgumentException().isThrownBy(() -> new LogLimits(16_384, 0, 64))
            .withMessage("maxFieldLength must be a whole number from 1 to 1048576, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new LogLimits(16_384, 4096, 1025))
            .withMessage("maxFields must be a whole number from 1 to 1024, not 1025");
    }
}
