package dev.observability.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves a fixed step forward at every reading, for tests of the times a recording carries. */
public final class SteppingClock extends Clock {

    private final AtomicLong nanos;

    private final long step;

    /**
     * @param start the first reading
     * @param stepNanos how far each reading moves the clock on
     */
    public SteppingClock(Instant start, long stepNanos) {
        this.nanos = new AtomicLong(epochNanos(start));
        this.step = stepNanos;
    }

    /**
     * @param instant a time
     * @return it in nanoseconds since the epoch
     */
    public static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, this.nanos.getAndAdd(this.step));
    }
}
