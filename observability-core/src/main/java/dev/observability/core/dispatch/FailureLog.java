package dev.observability.core.dispatch;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.Outcome;

/**
 * A rate-limited report of one adapter's failures in the application's own log, so that a failing backend cannot
 * flood it. Every lane has one, and an adapter whose backend fails out of its lane's sight (an SDK exporting on its
 * own threads) reports through one of its own.
 * <p>
 * The contract: every call to {@link #failed} counts one failure. The first failure is reported at once; after a
 * report, the next is written by the first failure after the interval has passed, and it carries the count of
 * failures since the last report. A report is one {@code WARNING} through {@link System.Logger} under the
 * name {@code dev.observability.core.dispatch}, naming the adapter, the count and the last error as
 * {@link SafeText#describe} writes it (cleaned of credentials). It is safe to call from any number of threads: of
 * the calls that find the interval passed, exactly one writes the report. The report is written on the calling
 * thread, so a log bridge sees the line as caused by the failing adapter's work (see
 * {@link Outcome#REJECTED_REENTRANT}).
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

    /**
     * @param adapterName the adapter's name, as the reports show it
     * @param interval the shortest time between two reports
     * @param nanoClock the time in nanoseconds, read for each failure (such as {@link System#nanoTime()})
     */
    public FailureLog(String adapterName, Duration interval, LongSupplier nanoClock) {
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
