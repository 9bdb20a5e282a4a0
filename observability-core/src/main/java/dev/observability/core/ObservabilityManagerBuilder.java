package dev.observability.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.settings.Range;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.tracing.SpanContextSource;
import dev.observability.core.tracing.TraceSampling;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link ObservabilityManager} ({@link ObservabilityManager#builder()}). Every setting has a documented
 * default.
 */
public final class ObservabilityManagerBuilder {

    /** The default {@link #shutdownTimeout(Duration) shutdown timeout}: 5 s. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    /** The default {@link #failureLogInterval(Duration) failure log interval}: 1 minute. */
    public static final Duration DEFAULT_FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    /**
     * The shutdown timeouts accepted, from 0 to 1 hour: an orchestrator ends a stopping application long before an
     * hour.
     */
    public static final Range<Duration> SHUTDOWN_TIMEOUT_RANGE = Range.durations(Duration.ZERO, Duration.ofHours(1));

    /**
     * The failure log intervals accepted, from 1 second (a dead backend reports at most once a second) to 1 day.
     */
    public static final Range<Duration> FAILURE_LOG_INTERVAL_RANGE = Range.durations(Duration.ofSeconds(1),
            Duration.ofDays(1));

    Clock clock = Clock.systemUTC();

    LaneSettings defaultLaneSettings = LaneSettings.DEFAULTS;

    CircuitBreakerFactory breakerFactory = CircuitBreakerFactory.standalone();

    Duration failureLogInterval = DEFAULT_FAILURE_LOG_INTERVAL;

    Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    Consumer<String> shutdownSummaryLog = (summary) -> System.getLogger(ObservabilityManager.class.getName())
        .log(Level.INFO, summary);

    @Nullable Consumer<LogEvent> logOutput;

    SpanContextSource spanContextSource = SpanContextSource.RANDOM;

    LogLevel minimumLevel = ManagerSettings.DEFAULTS.minimumLevel();

    LogLimits logLimits = LogLimits.DEFAULTS;

    @Nullable TraceSampling traceSampling;

    Redaction redaction = Redaction.defaults();

    HealthSettings healthSettings = HealthSettings.DEFAULTS;

    final Set<Signal> disabledSignals = EnumSet.noneOf(Signal.class);

    final Map<ObservabilityAdapter, LaneSettings> adapters = new LinkedHashMap<>();

    final List<HealthCheck> healthChecks = new ArrayList<>();

    ObservabilityManagerBuilder() {
    }

    /**
     * @param adapter an adapter to register with the default lane settings
     * @return this builder
     */
    public ObservabilityManagerBuilder adapter(ObservabilityAdapter adapter) {
        this.adapters.put(adapter, null);
        return this;
    }

    /**
     * @param adapter an adapter to register
     * @param settings its lane's settings
     * @return this builder
     */
    public ObservabilityManagerBuilder adapter(ObservabilityAdapter adapter, LaneSettings settings) {
        this.adapters.put(adapter, settings);
        return this;
    }

    /**
     * @param check a health check to run on the schedule
     * @return this builder
     */
    public ObservabilityManagerBuilder healthCheck(HealthCheck check) {
        this.healthChecks.add(check);
        return this;
    }

    /**
     * @param settings the lane settings of adapters registered without their own
     * @return this builder
     */
    public ObservabilityManagerBuilder defaultLaneSettings(LaneSettings settings) {
        this.defaultLaneSettings = settings;
        return this;
    }

    /**
     * @param factory makes each lane's circuit breaker (default: stand-alone breakers)
     * @return this builder
     */
    public ObservabilityManagerBuilder circuitBreakerFactory(CircuitBreakerFactory factory) {
        this.breakerFactory = factory;
        return this;
    }

    /**
     * @param interval the shortest time between two reports of one adapter's failures in the application log
     * (default 1 minute), in {@link #FAILURE_LOG_INTERVAL_RANGE}
     * @return this builder
     * @throws IllegalArgumentException when the interval is outside its range
     */
    public ObservabilityManagerBuilder failureLogInterval(Duration interval) {
        this.failureLogInterval = FAILURE_LOG_INTERVAL_RANGE.require("dispatch.failure-log-interval", interval);
        return this;
    }

    /**
     * @param timeout the longest {@link ObservabilityManager#close()} waits for queues to drain (default 5 s), in
     * {@link #SHUTDOWN_TIMEOUT_RANGE}
     * @return this builder
     * @throws IllegalArgumentException when the timeout is outside its range
     */
    public ObservabilityManagerBuilder shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = SHUTDOWN_TIMEOUT_RANGE.require("dispatch.shutdown-timeout", timeout);
        return this;
    }

    /**
     * @param log where {@link ObservabilityManager#close()} writes its one summary line
     * ({@code Observability stopped: ...}); by default the {@code System.Logger} of {@link ObservabilityManager} at
     * INFO. A host whose logging bridge is gone by the time the manager stops (Spring Boot removes its JUL bridge when the context closes) passes its own logger here.
     * @return this builder
     */
    public ObservabilityManagerBuilder shutdownSummaryLog(Consumer<String> log) {
        this.shutdownSummaryLog = log;
        return this;
    }

    /**
     * @param source where span ids and the outside parent come from (default: random ids, no outside context)
     * @return this builder
     */
    public ObservabilityManagerBuilder spanContextSource(SpanContextSource source) {
        this.spanContextSource = source;
        return this;
    }

    /**
     * @param level the minimum level logged (default INFO)
     * @return this builder
     */
    public ObservabilityManagerBuilder minimumLevel(LogLevel level) {
        this.minimumLevel = level;
        return this;
    }

    /**
     * @param sampling the trace sampler whose probability becomes the manager's setting
     * {@code tracing.sampling.probability} (default: none, and the setting has no value)
     * @return this builder
     */
    public ObservabilityManagerBuilder traceSampling(TraceSampling sampling) {
        this.traceSampling = sampling;
        return this;
    }

    /**
     * @param limits the length limits of log messages and fields
     * @return this builder
     */
    public ObservabilityManagerBuilder logLimits(LogLimits limits) {
        this.logLimits = limits;
        return this;
    }

    /**
     * @param output where {@link ObservabilityManager#log(LogEvent)} and the other {@code log} methods write
     * their events instead of handing them to the logging lanes (default: none, the lanes receive them). A host
     * whose logging framework feeds the lanes through a bridge calling
     * {@link ObservabilityManager#logBridge} writes them into that framework, so each event reaches
     * its console once and each logging adapter once. Called on the logging thread; must not throw.
     * @return this builder
     */
    public ObservabilityManagerBuilder logOutput(Consumer<LogEvent> output) {
        this.logOutput = output;
        return this;
    }

    /**
     * @param redaction which keys' values are masked in log fields, span attributes, health details and metric
     * labels before any adapter sees them (default {@link Redaction#defaults()}; {@link Redaction#disabled()}
     * masks nothing)
     * @return this builder
     */
    public ObservabilityManagerBuilder redaction(Redaction redaction) {
        this.redaction = redaction;
        return this;
    }

    /**
     * @param settings the health cycle's interval, timeout and threshold
     * @return this builder
     */
    public ObservabilityManagerBuilder healthSettings(HealthSettings settings) {
        this.healthSettings = settings;
        return this;
    }

    /**
     * @param signal a signal
     * @param enabled whether the manager routes it (default: every signal on)
     * @return this builder
     */
    public ObservabilityManagerBuilder signalEnabled(Signal signal, boolean enabled) {
        if (enabled) {
            this.disabledSignals.remove(signal);
        }
        else {
            this.disabledSignals.add(signal);
        }
        return this;
    }

    /**
     * @param clock the clock of timestamps (default: the UTC system clock)
     * @return this builder
     */
    public ObservabilityManagerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * @return a manager, not started yet
     * @throws IllegalArgumentException if two adapters share a name or an adapter is invalid
     */
    public ObservabilityManager build() {
        if (this.shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdown timeout must not be negative, was " + this.shutdownTimeout);
        }
        Map<ObservabilityAdapter, LaneSettings> resolved = new LinkedHashMap<>();
        this.adapters.forEach((adapter, settings) -> resolved.put(adapter,
                (settings != null) ? settings : this.defaultLaneSettings));
        this.adapters.clear();
        this.adapters.putAll(resolved);
        return new ObservabilityManager(this);
    }
}
