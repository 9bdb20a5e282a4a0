package dev.observability.core.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A timing resolved once, to record on a hot path.
 */
public interface TimingHandle {

    /**
     * Records a duration; a {@code null} or negative duration is refused and counted.
     * @param duration the duration
     */
    void record(@Nullable Duration duration);

    /**
     * Records a duration given as an amount and a unit; a {@code null} unit or a negative amount is refused and
     * counted.
     * @param amount the amount
     * @param unit the unit
     */
    default void record(long amount, TimeUnit unit) {
        record((unit != null) ? Duration.ofNanos(unit.toNanos(amount)) : null);
    }
}
