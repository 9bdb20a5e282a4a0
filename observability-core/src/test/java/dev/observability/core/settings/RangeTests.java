package dev.observability.core.settings;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A range accepts its least and greatest values and everything between, refuses the rest with one reason that shows
 * the range as an operator writes it, and names the setting and the value when it requires one.
 */
class RangeTests {

    @Test
    void wholeNumbersFromTheLeastToTheGreatestAreAcceptedAndNoOthers() {
        Range<Integer> range = Range.wholeNumbers(1, 1 << 20);
        assertThat(range.contains(1)).isTrue();
        assertThat(range.contains(1 << 20)).isTrue();
        assertThat(range.contains(0)).isFalse();
        assertThat(range.contains((1 << 20) + 1)).isFalse();
        assertThat(range.contains(Integer.MIN_VALUE)).isFalse();
        assertThat(range.contains(Integer.MAX_VALUE)).isFalse();
        assertThat(range.refusal(Integer.MAX_VALUE)).isEqualTo("must be a whole number from 1 to 1048576");
        assertThat(range.refusal(null)).as("not set").isNull();
    }

    @Test
    void numbersRefuseNaNAndTheInfinities() {
        Range<Float> range = Range.numbers(1, 100);
        assertThat(range.contains(100f)).isTrue();
        assertThat(range.contains(Math.nextUp(100f))).isFalse();
        assertThat(range.contains(Math.nextDown(1f))).isFalse();
        assertThat(range.contains(Float.NaN)).isFalse();
        assertThat(range.contains(Float.POSITIVE_INFINITY)).isFalse();
        assertThat(range.contains(Float.NEGATIVE_INFINITY)).isFalse();
        assertThat(range.refusal(Float.NaN)).isEqualTo("must be a number from 1 to 100");
    }

    @Test
    void durationsAreComparedToTheNanosecond() {
        Range<Duration> range = Range.durations(Duration.ofMillis(1), Duration.ofDays(1));
        assertThat(range.contains(Duration.ofMillis(1))).isTrue();
        assertThat(range.contains(Duration.ofDays(1))).isTrue();
        assertThat(range.contains(Duration.ofMillis(1).minusNanos(1))).isFalse();
        assertThat(range.contains(Duration.ofDays(1).plusNanos(1))).isFalse();
        assertThat(range.contains(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isFalse();
        assertThat(range.contains(Duration.ofSeconds(Long.MIN_VALUE))).isFalse();
        assertThat(range).hasToString("from 1ms to 1d");
    }

    @Test
    void aRequiredValueOutsideFailsWithOneLineNamingTheSettingTheRangeAndTheValue() {
        Range<Duration> range = Range.durations(Duration.ZERO, Duration.ofHours(1));
        assertThat(range.require("dispatch.shutdown-timeout", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> range.require("dispatch.shutdown-timeout", Duration.ofSeconds(Long.MAX_VALUE)))
            .withMessage("dispatch.shutdown-timeout must be a duration from 0ms to 1h, not PT2562047788015215H30M7S");
        assertThatIllegalArgumentException().isThrownBy(() -> range.require("dispatch.shutdown-timeout", null))
            .withMessage("dispatch.shutdown-timeout must have a value");
    }

    @Test
    void aRangeWhoseLeastIsAboveItsGreatestIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Range.wholeNumbers(2, 1));
    }
}
