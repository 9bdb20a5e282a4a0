package dev.observability.core.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.observability.core.health.HealthCheck;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.redaction.HealthRedactor;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.CheckResult;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.HealthStatus;
import org.jspecify.annotations.Nullable;

/**
 * Runs the health cycle: every interval it runs each {@link HealthCheck} and asks each adapter for its
 * {@code health()}, all at once, each on a thread of its own with a timeout, so a cycle lasts at most the timeout
 * whatever the checks do. A check that hangs holds one thread and is not started again until it returns. The
 * report of the last cycle is served on demand without running anything.
 * <p>
 * The cycle's parts share its state (the running calls, the failure counts, the last report) and its one lock.
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

    private volatile @Nullable ExecutorService callers = Executors.newCachedThreadPool(daemon("observability-health-call"));

    private final Map<String, Call> inFlight = new ConcurrentHashMap<>();

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

    public List<HealthCheck> checks() {
        return List.copyOf(this.checks);
    }

    /** Starts the schedule: a first cycle at once, then one every interval. */
    public synchronized void start() {
        if (this.scheduler != null || this.callers == null) {
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("observability-health"));
        this.scheduler.scheduleWithFixedDelay(this::runCycleQuietly, 0, this.settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule for good and abandons checks still running; later cycles serve the last report. */
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
     * Runs one cycle now, on the calling thread, and publishes its report. Every check and every adapter's
     * {@code health()} runs at the same time on threads of their own; the cycle waits for them at most the timeout.
     * A check or {@code health()} call that overruns is {@code DOWN} with "timed out"; while it is still running,
     * later (or concurrent) cycles do not start it again but wait for it within their own timeout, and report it
     * {@code DOWN} with how long it has run if it is still running then.
     * @return the report, or the last report when the monitor has stopped
     */
    public HealthReport runCycle() {
        ExecutorService executor = this.callers;
        if (executor == null) {
            return lastReport();
        }
        long deadline = System.nanoTime() + this.settings.timeout().toNanos();
        List<AdapterLane> lanes = this.lanes.get();
        List<Call> laneCalls = new ArrayList<>();
        for (AdapterLane lane : lanes) {
            laneCalls.add(start(executor, "adapter " + lane.name(), lane::refreshAdapterHealth));
        }
        List<HealthCheck> checks = List.copyOf(this.checks);
        List<Call> checkCalls = new ArrayList<>();
        for (HealthCheck check : checks) {
            checkCalls.add(start(executor, "check " + check.name(), check::check));
        }
        for (int i = 0; i < lanes.size(); i++) {
            Call call = laneCalls.get(i);
            AdapterHealth health = call.await(deadline);
            if (call.overran()) {
                lanes.get(i).recordAdapterHealth(health);
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < checkCalls.size(); i++) {
            results.add(result(checks.get(i), checkCalls.get(i), deadline));
        }
        HealthReport report = report(results);
        this.lastReport = report;
        this.publisher.accept(report);
        return report;
    }

    private Call start(ExecutorService executor, String key, Callable<AdapterHealth> task) {
        Call running = this.inFlight.get(key);
        if (running != null && !running.future.isDone()) {
            return running.stillRunning();
        }
        long startNanos = System.nanoTime();
        Call call;
        try {
            call = new Call(executor.submit(task), startNanos, false);
        }
        catch (RejectedExecutionException ex) {
            call = new Call(CompletableFuture.completedFuture(AdapterHealth.down("the health monitor has stopped")),
                    startNanos, false);
        }
        this.inFlight.put(key, call);
        return call;
    }

    private CheckResult result(HealthCheck check, Call call, long deadline) {
        Instant checkedAt = this.clock.instant();
        AdapterHealth raw = HealthRedactor.redact(this.redaction, call.await(deadline));
        Duration duration = call.duration();
        boolean failed = raw.status() == HealthStatus.DOWN || raw.status() == HealthStatus.DEGRADED;
        int failures = this.consecutiveFailures.merge(check.name(), failed ? 1 : 0,
                (previous, one) -> (one == 0) ? 0 : previous + 1);
        AdapterHealth health = raw;
        if (failed && !call.overran()) {
            HealthStatus status = (failures >= this.settings.failureThreshold()) ? HealthStatus.DOWN
                    : HealthStatus.DEGRADED;
            health = new AdapterHealth(status, raw.message(), raw.details(), raw.exports());
        }
        return new CheckResult(check.name(), health, failures, checkedAt, duration);
    }

    /**
     * One check or {@code health()} call of a cycle, possibly still running from an earlier cycle.
     */
    private static final class Call {

        private final Future<AdapterHealth> future;

        private final long startNanos;

        private final boolean fromEarlierCycle;

        private volatile long endNanos = -1;

        private volatile boolean overran;

        Call(Future<AdapterHealth> future, long startNanos, boolean fromEarlierCycle) {
            this.future = future;
            this.startNanos = startNanos;
            this.fromEarlierCycle = fromEarlierCycle;
        }

        Call stillRunning() {
            return new Call(this.future, this.startNanos, true);
        }

        boolean overran() {
            return this.overran;
        }

        Duration duration() {
            long end = (this.endNanos >= 0) ? this.endNanos : System.nanoTime();
            return Duration.ofNanos(end - this.startNanos);
        }

        AdapterHealth await(long deadline) {
            try {
                AdapterHealth health = this.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                this.endNanos = System.nanoTime();
                return (health != null) ? health : AdapterHealth.down("returned no health");
            }
            catch (TimeoutException ex) {
                this.overran = true;
                return AdapterHealth.down(this.fromEarlierCycle
                        ? "timed out: still running since an earlier cycle, for " + duration().toMillis() + " ms"
                        : "timed out after " + duration().toMillis() + " ms");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                this.overran = true;
                return AdapterHealth.down("interrupted");
            }
            catch (ExecutionException ex) {
                this.endNanos = System.nanoTime();
                Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
                return AdapterHealth.down(SafeText.describe(cause));
            }
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
