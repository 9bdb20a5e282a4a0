package dev.observability.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.health.HealthSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static dev.observability.autoconfigure.validation.PropertyConstraints.reject;
import static dev.observability.autoconfigure.validation.PropertyConstraints.within;

/**
 * Everything a user sets under the prefix {@code observability}. The properties validate themselves as Boot binds
 * them (Boot calls a {@code @ConfigurationProperties} object that is a {@link Validator} for itself and each nested
 * object it binds), so a bad value fails the bind and Boot's failure analysis names the property, the value, where it
 * came from and the reason. Its nested classes are the groups of keys under the prefix.
 */
@ConfigurationProperties("observability")
public class ObservabilityProperties implements Validator {

    /** Whether the observability starter is active at all (default true). */
    private boolean enabled = true;

    private final Metrics metrics = new Metrics();

    private final Tracing tracing = new Tracing();

    private final Health health = new Health();

    private final Logging logging = new Logging();

    private final JsonLogging jsonLogging = new JsonLogging();

    private final Dispatch dispatch = new Dispatch();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final Redaction redaction = new Redaction();

    /** Per-adapter overrides, keyed by the adapter's name (default: none). */
    private final Map<String, Adapter> adapters = new LinkedHashMap<>();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Metrics getMetrics() {
        return this.metrics;
    }

    public Tracing getTracing() {
        return this.tracing;
    }

    public Health getHealth() {
        return this.health;
    }

    public Logging getLogging() {
        return this.logging;
    }

    public JsonLogging getJsonLogging() {
        return this.jsonLogging;
    }

    public Dispatch getDispatch() {
        return this.dispatch;
    }

    public CircuitBreaker getCircuitBreaker() {
        return this.circuitBreaker;
    }

    public Map<String, Adapter> getAdapters() {
        return this.adapters;
    }

    public Redaction getRedaction() {
        return this.redaction;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == Health.class || LaneDispatch.class.isAssignableFrom(type) || type == CircuitBreaker.class
                || type == Redaction.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof Health health) {
            validate(health, errors);
        }
        else if (target instanceof LaneDispatch dispatch) {
            LaneProperties.validate(dispatch, errors);
            if (dispatch instanceof Dispatch defaults) {
                within(errors, "shutdownTimeout", ObservabilityManagerBuilder.SHUTDOWN_TIMEOUT_RANGE,
                        defaults.getShutdownTimeout());
                within(errors, "failureLogInterval", ObservabilityManagerBuilder.FAILURE_LOG_INTERVAL_RANGE,
                        defaults.getFailureLogInterval());
            }
        }
        else if (target instanceof CircuitBreaker breaker) {
            LaneProperties.validate(breaker, errors);
        }
        else if (target instanceof Redaction redaction) {
            redaction.validate(errors);
        }
    }

    private static void validate(Health health, Errors errors) {
        within(errors, "interval", HealthSettings.INTERVAL_RANGE, health.getInterval());
        within(errors, "timeout", HealthSettings.TIMEOUT_RANGE, health.getTimeout());
        within(errors, "failureThreshold", HealthSettings.FAILURE_THRESHOLD_RANGE, health.getFailureThreshold());
    }

    /** Masking of sensitive values in log fields, span attributes, health details and metric labels. */
    public static class Redaction {

        /** Whether values under sensitive keys are replaced with ****** before any adapter sees them (default true). */
        private boolean enabled = true;

        /**
         * Words that mark a key as sensitive: a key containing one, ignoring case and the separators '-', '_', '.' and
         * space, is masked; a list set here replaces the default (password, secret, token, authorization, api-key,
         * cookie).
         */
        private List<String> sensitiveWords = new ArrayList<>(dev.observability.core.redaction.Redaction.DEFAULT_WORDS);

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getSensitiveWords() {
            return this.sensitiveWords;
        }

        public void setSensitiveWords(List<String> sensitiveWords) {
            this.sensitiveWords = sensitiveWords;
        }

        void validate(Errors errors) {
            for (String word : this.sensitiveWords) {
                if (word == null || word.replaceAll("[-_. ]", "").isBlank()) {
                    reject(errors, "sensitiveWords", "must hold words such as password or api-key, not '"
                            + word + "' (blank, or only '-', '_', '.')");
                    return;
                }
            }
        }
    }

    /** The metrics signal. */
    public static class Metrics {

        /** Whether metrics are routed to the adapters (default true). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The tracing signal. */
    public static class Tracing {

        /** Whether spans are routed to the adapters (default true). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The health signal and the health cycle. */
    public static class Health {

        /** Whether health reports are routed to the health adapters (default true). */
        private boolean enabled = true;

        /** Time between two health cycles, from 10ms to 1d (default 30s). */
        private @Nullable Duration interval;

        /**
         * Longest a health check or an adapter's health() may run before it counts as DOWN, from 1ms to 1d (default
         * 5s).
         */
        private @Nullable Duration timeout;

        /** Failures in a row, from 1 to 100, that make a health check DOWN; fewer make it DEGRADED (default 3). */
        private @Nullable Integer failureThreshold;

        /**
         * Whether an adapter in trouble (degraded, circuit open, backend down) reports DOWN in Actuator and so takes
         * the application's health DOWN (default false: it shows a status of its own and the application stays UP).
         */
        private boolean adapterTroubleIsDown = false;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Duration getInterval() {
            return this.interval;
        }

        public void setInterval(@Nullable Duration interval) {
            this.interval = interval;
        }

        public @Nullable Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }

        public @Nullable Integer getFailureThreshold() {
            return this.failureThreshold;
        }

        public void setFailureThreshold(@Nullable Integer failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        public boolean isAdapterTroubleIsDown() {
            return this.adapterTroubleIsDown;
        }

        public void setAdapterTroubleIsDown(boolean adapterTroubleIsDown) {
            this.adapterTroubleIsDown = adapterTroubleIsDown;
        }
    }

    /** The logging signal. */
    public static class Logging {

        /** Whether log events are routed to the adapters (default true). */
        private boolean enabled = true;

        /** Minimum level of the log events routed to the adapters (default INFO). */
        private LogLevel level = ManagerSettings.DEFAULTS.minimumLevel();

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public LogLevel getLevel() {
            return this.level;
        }

        public void setLevel(LogLevel level) {
            this.level = level;
        }
    }

    /** The starter's JSON lines as the default format of Boot's console and file. */
    public static class JsonLogging {

        /**
         * Whether Boot's console and file write the starter's JSON lines when the application sets no
         * logging.structured.format.console or logging.structured.format.file (default true).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** How a lane calls its adapter: the defaults of every lane, or one adapter's. */
    public static class LaneDispatch {

        /** How lanes call their adapter, inline or async (default: each adapter's preferred mode). */
        private @Nullable DispatchMode mode;

        /** Most events an async lane's queue holds before it drops new ones, from 1 to 1048576 (default 8192). */
        private @Nullable Integer queueCapacity;

        /**
         * Longest an event waits in a quiet async lane's queue before it is delivered, from 0ms to 1m; a busy lane
         * delivers sooner, and 0 delivers each event at once, which costs the recording thread more (default 100ms).
         */
        private @Nullable Duration maxDelay;

        public @Nullable DispatchMode getMode() {
            return this.mode;
        }

        public void setMode(@Nullable DispatchMode mode) {
            this.mode = mode;
        }

        public @Nullable Integer getQueueCapacity() {
            return this.queueCapacity;
        }

        public void setQueueCapacity(@Nullable Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public @Nullable Duration getMaxDelay() {
            return this.maxDelay;
        }

        public void setMaxDelay(@Nullable Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** Default dispatch settings of every lane, and how the manager stops them. */
    public static class Dispatch extends LaneDispatch {

        /** Longest the application's shutdown waits for the lanes' queues to drain, from 0ms to 1h (default 5s). */
        private Duration shutdownTimeout = ObservabilityManagerBuilder.DEFAULT_SHUTDOWN_TIMEOUT;

        /**
         * Shortest time between two reports of one adapter's failures in the application log, from 1s to 1d (default
         * 1m).
         */
        private Duration failureLogInterval = ObservabilityManagerBuilder.DEFAULT_FAILURE_LOG_INTERVAL;

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Duration getFailureLogInterval() {
            return this.failureLogInterval;
        }

        public void setFailureLogInterval(Duration failureLogInterval) {
            this.failureLogInterval = failureLogInterval;
        }
    }

    /**
     * Circuit breaker settings: the defaults of every lane under {@code observability.circuit-breaker}, one adapter's
     * under {@code observability.adapters.<name>.circuit-breaker}. An unset value falls back to the defaults of every
     * lane, and those to the core's.
     */
    public static class CircuitBreaker {

        /** Failure or slow-call rate, in percent from 1 to 100, at which a lane's breaker opens (default 50). */
        private @Nullable Float failureRateThreshold;

        /** Number of recent calls the failure rate is computed over, from 1 to 10000 (default 100). */
        private @Nullable Integer slidingWindowSize;

        /** Calls needed in the window before the failure rate is computed, from 1 to 10000 (default 20). */
        private @Nullable Integer minimumNumberOfCalls;

        /** How long an open breaker refuses events before it lets probes through, from 1ms to 1d (default 30s). */
        private @Nullable Duration waitDurationInOpenState;

        /** Number of probe calls in the half-open state, from 1 to 10000 (default 5). */
        private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

        /** Duration over which an adapter call counts as slow, and so as a failure, from 1ms to 1d (default 1s). */
        private @Nullable Duration slowCallDurationThreshold;

        public @Nullable Float getFailureRateThreshold() {
            return this.failureRateThreshold;
        }

        public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public @Nullable Integer getSlidingWindowSize() {
            return this.slidingWindowSize;
        }

        public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public @Nullable Integer getMinimumNumberOfCalls() {
            return this.minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public @Nullable Duration getWaitDurationInOpenState() {
            return this.waitDurationInOpenState;
        }

        public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
            return this.permittedNumberOfCallsInHalfOpenState;
        }

        public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
            this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
        }

        public @Nullable Duration getSlowCallDurationThreshold() {
            return this.slowCallDurationThreshold;
        }

        public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
            this.slowCallDurationThreshold = slowCallDurationThreshold;
        }
    }

    /** Overrides for one adapter; every unset value falls back to the defaults of every lane. */
    public static class Adapter {

        /** Whether the adapter starts switched on (default true). */
        private boolean enabled = true;

        private final LaneDispatch dispatch = new LaneDispatch();

        private final CircuitBreaker circuitBreaker = new CircuitBreaker();

        private final AdapterSignals signals = new AdapterSignals();

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public LaneDispatch getDispatch() {
            return this.dispatch;
        }

        public CircuitBreaker getCircuitBreaker() {
            return this.circuitBreaker;
        }

        public AdapterSignals getSignals() {
            return this.signals;
        }
    }

    /** One adapter's switch per signal: a signal switched off is not handed to the adapter, the others are. */
    public static class AdapterSignals {

        /** Whether the adapter receives metrics (default true). */
        private @Nullable Boolean metrics;

        /** Whether the adapter receives spans (default true). */
        private @Nullable Boolean tracing;

        /** Whether the adapter receives health reports (default true). */
        private @Nullable Boolean health;

        /** Whether the adapter receives log events (default true). */
        private @Nullable Boolean logging;

        public @Nullable Boolean getMetrics() {
            return this.metrics;
        }

        public void setMetrics(@Nullable Boolean metrics) {
            this.metrics = metrics;
        }

        public @Nullable Boolean getTracing() {
            return this.tracing;
        }

        public void setTracing(@Nullable Boolean tracing) {
            this.tracing = tracing;
        }

        public @Nullable Boolean getHealth() {
            return this.health;
        }

        public void setHealth(@Nullable Boolean health) {
            this.health = health;
        }

        public @Nullable Boolean getLogging() {
            return this.logging;
        }

        public void setLogging(@Nullable Boolean logging) {
            this.logging = logging;
        }
    }
}
