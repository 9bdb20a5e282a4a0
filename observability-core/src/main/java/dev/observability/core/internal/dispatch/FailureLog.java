package dev.observability.core.internal.dispatch;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.Outcome;

/**
 * Reports an adapter's failures in the application's own log at most once per interval, with the count since the
 * last report, so a failing backend cannot flood the log. It logs through {@link System.Logger} under the name
 * {@code dev.observability.core.dispatch}. A lane writes its report on the thread that called its adapter, so a
 * bridge from the logging framework hands the report (and whatever the framework records for the line, such as a
 * count of log events) to every other adapter and never to the failing one (see {@link Outcome#REJECTED_REENTRANT}).
 * Every lane has one; an adapter whose backend fails out of the lane's sight (an SDK exporting in the background)
 * can report through one of its own.
 */
public final class FailureLog {

    private static final Logger LOGGER = System.getLogger("dev.observability.core.dispatch");

    private final String adapterName;

    private final long intervalNanos;

    private final LongSupplier nanoClock;

    private final AtomicLong failuresSinceReport = new AtomicLong();

    private final AtomicLong nextReportAt;

    /**
     * @param adapterName the adapter's name, as the reports show it
     * @param interval the shortest time between two reports
     */
    public FailureLog(String adapterName, Duration interval) {
        this(adapterName, interval, System::nanoTime);
    }

    FailureLog(String adapterName, Duration interval, LongSupplier nanoClock) {
        this.adapterName = adapterName;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextReportAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one failure and writes a report when the interval has passed since the last one.
     * @param error the adapter's error
     * @return the number of failures the report written by this call covers, or 0 when this call wrote none
     */
    public long failed(Throwable error) {
        this.failuresSinceReport.incrementAndGet();
        long now = this.nanoClock.getAsLong();
        long due = this.nextReportAt.get();
        if (now - due < 0 || !this.nextReportAt.compareAndSet(due, now + this.intervalNanos)) {
            return 0;
        }
        long count = this.failuresSinceReport.getAndSet(0);
        LOGGER.log(Level.WARNING,
                "Observability adapter ''{0}'' failed {1} time(s) since its last report; last error: {2}",
                this.adapterName, count, SafeText.describe(error));
        return count;
    }
}
