package dev.observability.core.dispatch;

import java.time.Duration;

import dev.observability.core.health.HealthSettings;
import dev.observability.core.settings.Setting;
import dev.observability.core.spi.DispatchMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each lane setting is defined once: its name, the values it accepts with the reason it gives for the others, and its
 * default, the value in {@link LaneSettings#DEFAULTS}; the settings' records refuse what their settings refuse.
 */
class LaneSettingTests {

    @Test
    void namesAreTheKeysUnderAnAdaptersPropertiesAndFindTheirSetting() {
        assertThat(LaneSetting.all()).extracting(LaneSetting::name)
            .containsExactly("enabled", "dispatch.mode", "dispatch.queue-capacity", "dispatch.max-delay",
                    "circuit-breaker.failure-rate-threshold", "circuit-breaker.sliding-window-size",
                    "circuit-breaker.minimum-number-of-calls", "circuit-breaker.wait-duration-in-open-state",
                    "circuit-breaker.permitted-number-of-calls-in-half-open-state",
                    "circuit-breaker.slow-call-duration-threshold", "signals.metrics", "signals.tracing",
                    "signals.health", "signals.logging");
        assertThat(LaneSetting.named("circuit-breaker.failure-rate-threshold"))
            .containsSame(LaneSetting.FAILURE_RATE_THRESHOLD);
        assertThat(LaneSetting.named("circuit-breaker.failureRateThreshold")).isEmpty();
    }

    @Test
    void defaultsAreTheValuesOfTheDefaultSettings() {
        assertThat(LaneSetting.QUEUE_CAPACITY.defaultValue()).isEqualTo(8192);
        assertThat(LaneSetting.MAX_DELAY.defaultValue()).isEqualTo(Duration.ofMillis(100));
        assertThat(LaneSetting.FAILURE_RATE_THRESHOLD.defaultValue()).isEqualTo(50f);
        assertThat(LaneSetting.WAIT_DURATION_IN_OPEN_STATE.defaultValue()).isEqualTo(Duration.ofSeconds(30));
        assertThat(LaneSetting.DISPATCH_MODE.defaultValue()).as("the adapter's preference").isNull();
        assertThat(LaneSetting.ENABLED.defaultValue()).isTrue();
    }

    @Test
    void eachRuleGivesItsReasonForAValueItRefusesAndNoneForOneItAccepts() {
        assertThat(LaneSetting.FAILURE_RATE_THRESHOLD.refusal(150f)).isEqualTo("must be a number from 1 to 100");
        assertThat(LaneSetting.FAILURE_RATE_THRESHOLD.refusal(Float.NaN)).isEqualTo("must be a number from 1 to 100");
        assertThat(LaneSetting.FAILURE_RATE_THRESHOLD.refusal(100f)).isNull();
        assertThat(LaneSetting.QUEUE_CAPACITY.refusal(0)).isEqualTo("must be a whole number from 1 to 1048576");
        assertThat(LaneSetting.QUEUE_CAPACITY.refusal(1)).isNull();
        assertThat(LaneSetting.QUEUE_CAPACITY.refusal(1_048_576)).isNull();
        assertThat(LaneSetting.QUEUE_CAPACITY.refusal(1_048_577)).isEqualTo("must be a whole number from 1 to 1048576");
        assertThat(LaneSetting.SLIDING_WINDOW_SIZE.refusal(10_001)).isEqualTo("must be a whole number from 1 to 10000");
        assertThat(LaneSetting.SLOW_CALL_DURATION_THRESHOLD.refusal(Duration.ZERO))
            .isEqualTo("must be a duration from 1ms to 1d");
        assertThat(LaneSetting.WAIT_DURATION_IN_OPEN_STATE.refusal(Duration.ofDays(1).plusNanos(1)))
            .isEqualTo("must be a duration from 1ms to 1d");
        assertThat(LaneSetting.WAIT_DURATION_IN_OPEN_STATE.refusal(Duration.ofDays(1))).isNull();
        assertThat(LaneSetting.MAX_DELAY.refusal(Duration.ofMinutes(2))).isEqualTo("must be a duration from 0ms to 1m");
        assertThat(LaneSetting.MAX_DELAY.refusal(Duration.ofMillis(-1))).isEqualTo("must be a duration from 0ms to 1m");
        assertThat(LaneSetting.MAX_DELAY.refusal(Duration.ZERO)).isNull();
        assertThat(LaneSetting.MAX_DELAY.refusal(Duration.ofMinutes(1))).isNull();
        assertThat(LaneSetting.SLIDING_WINDOW_SIZE.refusal(null)).isEqualTo("must have a value");
        assertThat(LaneSetting.DISPATCH_MODE.refusal(null)).as("the adapter's preference").isNull();
    }

    @Test
    void aChangedSettingIsTheOnlyOneThatChanges() {
        LaneSettings changed = LaneSetting.WAIT_DURATION_IN_OPEN_STATE.with(LaneSettings.DEFAULTS, Duration.ofSeconds(10));
        assertThat(changed).isEqualTo(LaneSettings.DEFAULTS
            .withCircuitBreaker(CircuitBreakerSettings.DEFAULTS.withWaitDurationInOpenState(Duration.ofSeconds(10))));
        assertThat(LaneSetting.DISPATCH_MODE.with(changed, DispatchMode.INLINE).dispatch())
            .isEqualTo(DispatchMode.INLINE);
        assertThat(LaneSetting.DISPATCH_MODE.with(changed, null)).isEqualTo(changed);
    }

    @Test
    void aRefusedValueFailsWithOneLineNamingTheSettingAndTheValue() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LaneSetting.FAILURE_RATE_THRESHOLD.with(LaneSettings.DEFAULTS, 150f))
            .withMessage("circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150");
        assertThatIllegalArgumentException().isThrownBy(() -> LaneSetting.QUEUE_CAPACITY.with(LaneSettings.DEFAULTS, null))
            .withMessage("dispatch.queue-capacity must have a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LaneSettings.DEFAULTS.withQueueCapacity(0))
            .withMessage("dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> CircuitBreakerSettings.DEFAULTS.withSlowCallDurationThreshold(Duration.ofMillis(-1)))
            .withMessage("circuit-breaker.slow-call-duration-threshold must be a duration from 1ms to 1d, not -1ms");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> CircuitBreakerSettings.DEFAULTS
                .withWaitDurationInOpenState(Duration.parse("PT2562047788015215H")))
            .withMessage("circuit-breaker.wait-duration-in-open-state must be a duration from 1ms to 1d, "
                    + "not PT2562047788015215H");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 101))
            .withMessage("health.failure-threshold must be a whole number from 1 to 100, not 101");
    }

    @Test
    void valuesAreShownAsTheyAreWritten() {
        assertThat(Setting.show(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Setting.show(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Setting.show(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Setting.show(Duration.ZERO)).isEqualTo("0ms");
        assertThat(Setting.show(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        assertThat(Setting.show(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo("PT2562047788015215H30M7S");
        assertThat(Setting.show(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo("PT-2562047788015215H-30M-8S");
        assertThat(Setting.show(20f)).isEqualTo("20");
        assertThat(Setting.show(20.5f)).isEqualTo("20.5");
        assertThat(Setting.show(null)).isEqualTo("null");
    }
}
