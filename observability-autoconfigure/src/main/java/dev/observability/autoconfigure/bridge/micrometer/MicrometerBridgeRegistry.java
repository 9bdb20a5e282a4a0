package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.observability.autoconfigure.adapter.MicrometerNative;
import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.settings.Range;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.internal.DefaultMeter;
import org.jspecify.annotations.Nullable;

/**
 * The Micrometer bridge: a cumulative {@link MeterRegistry}, joined to the application's composite registry like
 * any backend, that hands the application's meters to the manager's metrics adapters that do not read Micrometer
 * natively (see {@link MicrometerNative}). Counter increments, timer records and distribution summary records are
 * handed over as they happen; gauges, function counters, function timers, long task timers and custom meters are
 * sampled on an interval (see {@link MicrometerBridgeSampler}).
 * <p>
 * Meters work as in Micrometer's own cumulative registries (the bridge passes Micrometer's compatibility kit)
 * whether or not the bridge is {@linkplain #connect connected}; until it is, nothing is handed over. Events go
 * through the manager's lanes, so they are validated, refused and counted like the application's own recordings.
 */
public final class MicrometerBridgeRegistry extends MeterRegistry {

    private static final Duration HISTOGRAM_EXPIRY = Duration.ofMinutes(1);

    /**
     * The sample intervals accepted, from 1 second to 1 day: backends scrape or push every few seconds at the most,
     * so reading the polled meters more often hands over values no one reads.
     */
    public static final Range<Duration> SAMPLE_INTERVAL_RANGE = Range.durations(Duration.ofSeconds(1),
            Duration.ofDays(1));

    private final MicrometerBridgeConnection connection = new MicrometerBridgeConnection();

    private final MicrometerBridgeSampler sampler = new MicrometerBridgeSampler();

    private final Duration sampleInterval;

    private @Nullable ScheduledExecutorService scheduler;

    /**
     * @param clock the registry's clock
     * @param sampleInterval how often gauges and the other polled meters are read once connected, in
     * {@link #SAMPLE_INTERVAL_RANGE}
     * @throws IllegalArgumentException when the interval is outside its range
     */
    public MicrometerBridgeRegistry(Clock clock, Duration sampleInterval) {
        super(clock);
        this.sampleInterval = SAMPLE_INTERVAL_RANGE.require("metrics.micrometer-bridge.sample-interval",
                sampleInterval);
        config().onMeterRemoved(this.sampler::forget);
    }

    /**
     * Starts handing meters over to the feed's adapters, and sampling the polled meters on the interval.
     * @param feed the metrics adapters to hand meters to
     */
    public void connect(MetricsFeed feed) {
        connect(feed, (name) -> false);
    }

    /**
     * Starts handing meters over to the feed's adapters, except the meters of the lanes' own circuit breakers, and
     * sampling the polled meters on the interval.
     * @param feed the metrics adapters to hand meters to
     * @param isAdapter whether a name is an adapter's (and so its lane breaker's): Resilience4j's meters tagged with
     * such a name are not handed over, since each delivery would record another event for ever
     */
    public synchronized void connect(MetricsFeed feed, Predicate<String> isAdapter) {
        this.connection.connect(feed, isAdapter);
        if (this.scheduler == null && !isClosed()) {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
                Thread thread = new Thread(task, "observability-micrometer-bridge");
                thread.setDaemon(true);
                return thread;
            });
            long intervalNanos = this.sampleInterval.toNanos();
            started.scheduleWithFixedDelay(this::sampleNow, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
            this.scheduler = started;
        }
    }

    /**
     * Reads the polled meters now and hands their values over; does nothing before the bridge is connected.
     */
    public void sampleNow() {
        MetricsFeed feed = this.connection.feed();
        if (feed != null) {
            this.sampler.sample(getMeters(), feed);
        }
    }

    /** Stops sampling and closes the registry. */
    @Override
    public void close() {
        synchronized (this) {
            if (this.scheduler != null) {
                this.scheduler.shutdownNow();
            }
        }
        super.close();
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        return new MicrometerBridgeCounter(id, this.connection.handle(id, MetricsFeed::counterHandle));
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig,
            PauseDetector pauseDetector) {
        return new MicrometerBridgeTimer(id, this.clock, distributionStatisticConfig, pauseDetector,
                getBaseTimeUnit(), this.connection.handle(id, MetricsFeed::timingHandle));
    }

    @Override
    protected DistributionSummary newDistributionSummary(Meter.Id id,
            DistributionStatisticConfig distributionStatisticConfig, double scale) {
        return new MicrometerBridgeSummary(id, this.clock, distributionStatisticConfig, scale,
                this.connection.handle(id, MetricsFeed::histogramHandle));
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, @Nullable T obj, ToDoubleFunction<T> valueFunction) {
        return new DefaultGauge<>(id, obj, valueFunction);
    }

    @Override
    protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig) {
        return new DefaultLongTaskTimer(id, this.clock, getBaseTimeUnit(), distributionStatisticConfig, false);
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
            ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
        return new CumulativeFunctionTimer<>(id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit,
                getBaseTimeUnit());
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
        return new CumulativeFunctionCounter<>(id, obj, countFunction);
    }

    @Override
    protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
        return new DefaultMeter(id, type, measurements);
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return TimeUnit.SECONDS;
    }

    @Override
    protected DistributionStatisticConfig defaultHistogramConfig() {
        return DistributionStatisticConfig.builder()
            .expiry(HISTOGRAM_EXPIRY)
            .build()
            .merge(DistributionStatisticConfig.DEFAULT);
    }
}
