package dev.observability.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.observability.core.dispatch.AdapterLane;
import dev.observability.core.dispatch.AdapterSnapshot;
import dev.observability.core.redaction.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * Runs the health cycle: every interval it runs each {@link HealthCheck} and asks each adapter for its
 * {@code health()}, each with a timeout on a thread of its own, so a check that hangs costs a thread, never the
 * cycle. The report of the last cycle is served on demand without running anything.
 */
public final class HealthMonitor {

    private final HealthSettings settings;

    private final Clock clock;

    private final Supplier<List<AdapterLane>> lanes;

    private final Consumer<HealthReport> publisher;

    private final Redaction redaction;

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    private final Map<String, Integer> consecutiveFailures = new ConcurrentHashMap<>();

    private volatile @Nullable HealthReport lastReport;

    private @Nullable ScheduledExecutorService scheduler;

    private @Nullable ExecutorService callers;

    /**
     * A monitor that masks sensitive check details with {@link Redaction#defaults()}.
     * @param settings interval, timeout and threshold
     * @param clock the clock reports are stamped with
     * @param lanes the adapters' lanes, read at every cycle
     * @param publisher receives each cycle's report (to hand it to the health adapters)
     */
    public HealthMonitor(HealthSettings settings, Clock clock, Supplier<List<AdapterLane>> lanes,
            Consumer<HealthReport> publisher) {
        this(settings, clock, lanes, publisher, Redaction.defaults());
    }

    /**
     * @param settings interval, timeout and threshold
     * @param clock the clock reports are stamped with
     * @param lanes the adapters' lanes, read at every cycle
     * @param publisher receives each cycle's report (to hand it to the health adapters)
     * @param redaction masks sensitive keys in the checks' details
     */
    public HealthMonitor(HealthSettings settings, Clock clock, Supplier<List<AdapterLane>> lanes,
            Consumer<HealthReport> publisher, Redaction redaction) {
        this.redaction = redaction;
        this.settings = settings;
        this.clock = clock;
        this.lanes = lanes;
        this.publisher = publisher;
    }

    /**
     * @param check a check to run every cycle
     * @throws IllegalArgumentException if a check with that name is registered already
     */
    public void register(HealthCheck check) {
        synchronized (this.checks) {
            for (HealthCheck existing : this.checks) {
                if (existing.name().equals(check.name())) {
                    throw new IllegalArgumentException("a health check named '" + check.name()
                            + "' is registered already; health check names must be unique");
                }
            }
            this.checks.add(check);
        }
    }

    /** @return the registered checks */
    public List<HealthCheck> checks() {
        return List.copyOf(this.checks);
    }

    /** Starts the schedule: a first cycle at once, then one every interval. */
    public synchronized void start() {
        if (this.scheduler != null) {
            return;
        }
        this.callers = Executors.newCachedThreadPool(daemon("observability-health-call"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("observability-health"));
        this.scheduler.scheduleWithFixedDelay(this::runCycleQuietly, 0, this.settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and abandons checks still running. */
    public synchronized void stop() {
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
            this.scheduler = null;
        }
        if (this.callers != null) {
            this.callers.shutdownNow();
            this.callers = null;
        }
    }

    /**
     * @return the last cycle's report, or a report made now from the adapters' current state (without running the
     * checks) when no cycle has run yet
     */
    public HealthReport lastReport() {
        HealthReport report = this.lastReport;
        return (report != null) ? report : report(List.of());
    }

    private void runCycleQuietly() {
        try {
            runCycle();
        }
        catch (RuntimeException ex) {
            // A cycle never dies: the next one runs on schedule.
        }
    }

    /**
     * Runs one cycle now, on the calling thread, and publishes its report.
     * @return the report
     */
    public HealthReport runCycle() {
        ExecutorService executor = this.callers;
        boolean ownExecutor = executor == null;
        if (ownExecutor) {
            executor = Executors.newCachedThreadPool(daemon("observability-health-call"));
        }
        try {
            for (AdapterLane lane : this.lanes.get()) {
                lane.recordAdapterHealth(callWithTimeout(executor, lane::refreshAdapterHealth));
            }
            List<CheckResult> results = new ArrayList<>();
            for (HealthCheck check : this.checks) {
                results.add(runCheck(executor, check));
            }
            HealthReport report = report(results);
            this.lastReport = report;
            this.publisher.accept(report);
            return report;
        }
        finally {
            if (ownExecutor) {
                executor.shutdownNow();
            }
        }
    }

    private CheckResult runCheck(ExecutorService executor, HealthCheck check) {
        Instant start = this.clock.instant();
        long startNanos = System.nanoTime();
        AdapterHealth raw = this.redaction.redact(callWithTimeout(executor, check::check));
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        boolean failed = raw.status() == HealthStatus.DOWN || raw.status() == HealthStatus.DEGRADED;
        int failures = this.consecutiveFailures.merge(check.name(), failed ? 1 : 0,
                (previous, one) -> (one == 0) ? 0 : previous + 1);
        AdapterHealth health = raw;
        if (failed) {
            HealthStatus status = (failures >= this.settings.failureThreshold()) ? HealthStatus.DOWN
                    : HealthStatus.DEGRADED;
            health = new AdapterHealth(status, raw.message(), raw.details());
        }
        return new CheckResult(check.name(), health, failures, start, duration);
    }

    private AdapterHealth callWithTimeout(ExecutorService executor, java.util.concurrent.Callable<AdapterHealth> call) {
        Future<AdapterHealth> future = executor.submit(call);
        try {
            AdapterHealth health = future.get(this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return (health != null) ? health : AdapterHealth.down("returned no health");
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            return AdapterHealth.down("timed out after " + this.settings.timeout().toMillis() + " ms");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return AdapterHealth.down("interrupted");
        }
        catch (java.util.concurrent.ExecutionException ex) {
            Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
            return AdapterHealth.down(cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    private HealthReport report(List<CheckResult> results) {
        HealthStatus status = HealthStatus.UP;
        for (CheckResult result : results) {
            status = status.worst(result.health().status());
        }
        List<AdapterSnapshot> snapshots = new ArrayList<>();
        for (AdapterLane lane : this.lanes.get()) {
            snapshots.add(lane.snapshot());
        }
        return new HealthReport(this.clock.instant(), status, results, snapshots);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return (runnable) -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
