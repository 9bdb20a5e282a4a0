package dev.observability.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What every adapter must do, as JUnit tests an adapter's author inherits (as Micrometer's
 * {@code MeterRegistryCompatibilityKit} is for registries). Each test runs the adapter through a real
 * {@link ObservabilityManager}, on the dispatch the adapter prefers, next to a well-behaved probe adapter of every
 * signal, and checks that:
 * <ul>
 * <li>each event of each signal the adapter declares is delivered to it once, and it throws on none;</li>
 * <li>it is thread-safe under its declared dispatch: producers on four threads, every event delivered once;</li>
 * <li>it records no telemetry from inside its own calls (the other lanes see exactly the kit's traffic and refuse
 * nothing as re-entrant);</li>
 * <li>{@code health()} answers within the manager's health timeout and does not throw;</li>
 * <li>{@code close()} may be called again after the manager closed it.</li>
 * </ul>
 * A subclass says how to make the adapter:
 * <pre>{@code
 * class AuditAdapterCompatibilityTests extends AdapterCompatibilityKit {
 *
 *     @Override
 *     protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
 *         return new AuditAdapter();
 *     }
 * }
 * }</pre>
 */
public abstract class AdapterCompatibilityKit {

    private static final int PRODUCERS = 4;

    private static final int ROUNDS_PER_PRODUCER = 250;

    private static final int QUEUE_CAPACITY = 1 << 16;

    private @Nullable ObservabilityManager manager;

    private @Nullable ObservabilityAdapter adapter;

    private @Nullable ProbeAdapter probe;

    /**
     * Makes the adapter to check; called once per test.
     * @param manager the manager the adapter will run in, for an adapter that is given one (most ignore it); the
     * kit registers the adapter itself
     * @return a new adapter
     * @throws Exception if the adapter cannot be made; the test fails with it
     */
    protected abstract ObservabilityAdapter createAdapter(ObservabilityManager manager) throws Exception;

    /**
     * How long the kit waits for the adapter's lane to deliver what was recorded. Override for an adapter that is
     * slow by design.
     * @return 30 seconds
     */
    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    protected final void startManager() throws Exception {
        ProbeAdapter probeAdapter = new ProbeAdapter();
        LaneSettings lane = LaneSettings.DEFAULTS.withQueueCapacity(QUEUE_CAPACITY);
        ObservabilityManager created = ObservabilityManager.builder()
            .adapter(probeAdapter, lane)
            .healthSettings(new HealthSettings(Duration.ofHours(1), HealthSettings.DEFAULTS.timeout(),
                    HealthSettings.DEFAULTS.failureThreshold()))
            .shutdownSummaryLog((summary) -> {
            })
            .build();
        ObservabilityAdapter createdAdapter = createAdapter(created);
        created.register(createdAdapter, lane);
        created.start();
        this.manager = created;
        this.adapter = createdAdapter;
        this.probe = probeAdapter;
    }

    @AfterEach
    protected final void closeManager() {
        manager().close();
    }

    /** Each event of each signal the adapter declares reaches it once, and it throws on none. */
    @Test
    public void deliversEachEventOfEachDeclaredSignalOnce() {
        KitTraffic traffic = new KitTraffic(manager());
        for (int round = 0; round < ROUNDS_PER_PRODUCER; round++) {
            traffic.round(0, round);
        }
        assertEachDeclaredSignalDeliveredOnce(traffic);
    }

    /** Four threads record at once on the adapter's own dispatch: every event is delivered once, none fails. */
    @Test
    public void isThreadSafeUnderItsDeclaredDispatch() throws Exception {
        KitTraffic traffic = new KitTraffic(manager());
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int producer = 0; producer < PRODUCERS; producer++) {
                int id = producer;
                running.add(producers.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS_PER_PRODUCER; round++) {
                        traffic.round(id, round);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> producer : running) {
                producer.get(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        finally {
            producers.shutdownNow();
        }
        assertEachDeclaredSignalDeliveredOnce(traffic);
    }

    /**
     * The adapter records no telemetry of its own from inside its calls: the probe next to it receives exactly what
     * the kit recorded, and no lane refuses an event as caused by its own work.
     */
    @Test
    public void recordsNoTelemetryFromInsideItsCalls() {
        KitTraffic traffic = new KitTraffic(manager());
        for (int round = 0; round < ROUNDS_PER_PRODUCER; round++) {
            traffic.round(0, round);
        }
        awaitNothingPending();
        for (Signal signal : EnumSet.of(Signal.METRICS, Signal.TRACING, Signal.LOGGING)) {
            assertThat(probe().received(signal))
                .as("%s events the probe received: the kit recorded %d, the rest came from the adapter", signal,
                        traffic.sent(signal))
                .isEqualTo(traffic.sent(signal));
        }
        for (AdapterSnapshot lane : manager().controls().adapters()) {
            assertThat(lane.total().rejectedReentrant())
                .as("events the lane's own work caused, refused on lane '%s'", lane.name())
                .isZero();
        }
    }

    /** {@code health()} answers within the manager's health timeout, with a status, and does not throw. */
    @Test
    public void answersHealthQuicklyWithoutThrowing() throws Exception {
        ObservabilityAdapter checked = adapter();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            for (int call = 0; call < 10; call++) {
                AdapterHealth health = caller.submit(checked::health)
                    .get(HealthSettings.DEFAULTS.timeout().toMillis(), TimeUnit.MILLISECONDS);
                assertThat(health).as("health() of '%s'", checked.name()).isNotNull();
                assertThat(health.status()).as("the status of health() of '%s'", checked.name()).isNotNull();
            }
        }
        finally {
            caller.shutdownNow();
        }
    }

    /** {@code close()} may be called again after the manager closed the adapter, without throwing. */
    @Test
    public void closesMoreThanOnceWithoutThrowing() {
        ObservabilityAdapter checked = adapter();
        manager().close();
        assertThatCode(checked::close).as("a second close() of '%s'", checked.name()).doesNotThrowAnyException();
        assertThatCode(checked::close).as("a third close() of '%s'", checked.name()).doesNotThrowAnyException();
    }

    private void assertEachDeclaredSignalDeliveredOnce(KitTraffic traffic) {
        AdapterSnapshot lane = awaitNothingPending();
        for (Signal signal : lane.signals()) {
            SignalCounts counts = lane.counts().get(signal);
            long expected = (signal == Signal.HEALTH) ? probe().received(Signal.HEALTH) : traffic.sent(signal);
            assertThat(counts).as("the account of %s events on '%s' (last error: %s)", signal, lane.name(),
                    lane.lastError())
                .isEqualTo(new SignalCounts(expected, expected, 0, 0, 0, 0, 0, 0));
        }
    }

    private AdapterSnapshot awaitNothingPending() {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        while (true) {
            List<AdapterSnapshot> lanes = manager().controls().adapters();
            if (lanes.stream().allMatch((lane) -> lane.total().pending() == 0)) {
                return lanes.stream()
                    .filter((lane) -> lane.name().equals(adapter().name()))
                    .findFirst()
                    .orElseThrow();
            }
            assertThat(System.nanoTime() - deadline).as("events still pending after %s: %s", deliveryTimeout(), lanes)
                .isNegative();
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for delivery", ex);
            }
        }
    }

    private ObservabilityManager manager() {
        return requireStarted(this.manager);
    }

    private ObservabilityAdapter adapter() {
        return requireStarted(this.adapter);
    }

    private ProbeAdapter probe() {
        return requireStarted(this.probe);
    }

    private static <T> T requireStarted(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("the kit's manager is started before each test");
        }
        return value;
    }
}
