package dev.observability.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static dev.observability.autoconfigure.validation.PropertyConstraints.atLeastOne;
import static dev.observability.autoconfigure.validation.PropertyConstraints.inRange;
import static dev.observability.autoconfigure.validation.PropertyConstraints.notNegative;
import static dev.observability.autoconfigure.validation.PropertyConstraints.positive;
import static dev.observability.autoconfigure.validation.PropertyConstraints.reject;

/**
 * Everything a user sets under the prefix {@code observability}. The properties validate themselves as Boot binds
 * them (Boot calls a {@code @ConfigurationProperties} object that is a {@link Validator} for itself and each nested
 * object it binds), so a bad value fails the bind and Boot's failure analysis names the property, the value, where it
 * came from and the reason.
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

    /** @return whether the starter is active */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether the starter is active */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return this.metrics;
    }

    /** @return the tracing settings */
    public Tracing getTracing() {
        return this.tracing;
    }

    /** @return the health settings */
    public Health getHealth() {
        return this.health;
    }

    /** @return the logging settings */
    public Logging getLogging() {
        return this.logging;
    }

    /** @return the settings of the starter's JSON lines on Boot's console and file */
    public JsonLogging getJsonLogging() {
        return this.jsonLogging;
    }

    /** @return the default dispatch settings of every lane */
    public Dispatch getDispatch() {
        return this.dispatch;
    }

    /** @return the default circuit breaker settings of every lane */
    public CircuitBreaker getCircuitBreaker() {
        return this.circuitBreaker;
    }

    /** @return the per-adapter overrides, keyed by adapter name */
    public Map<String, Adapter> getAdapters() {
        return this.adapters;
    }

    /** @return which values are masked before any adapter sees them */
    public Redaction getRedaction() {
        return this.redaction;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == Health.class || type == Dispatch.class || type == CircuitBreaker.class
                || type == DispatchOverrides.class || type == CircuitBreakerOverrides.class || type == Redaction.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof Health health) {
            health.validate(errors);
        }
        else if (target instanceof Dispatch dispatch) {
            dispatch.validate(errors);
        }
        else if (target instanceof CircuitBreaker breaker) {
            validateCircuitBreaker(errors, breaker.getFailureRateThreshold(), breaker.getSlidingWindowSize(),
                    breaker.getMinimumNumberOfCalls(), breaker.getWaitDurationInOpenState(),
                    breaker.getPermittedNumberOfCallsInHalfOpenState(), breaker.getSlowCallDurationThreshold());
        }
        else if (target instanceof DispatchOverrides dispatch) {
            atLeastOne(errors, "queueCapacity", dispatch.getQueueCapacity());
        }
        else if (target instanceof CircuitBreakerOverrides breaker) {
            validateCircuitBreaker(errors, breaker.getFailureRateThreshold(), breaker.getSlidingWindowSize(),
                    breaker.getMinimumNumberOfCalls(), breaker.getWaitDurationInOpenState(),
                    breaker.getPermittedNumberOfCallsInHalfOpenState(), breaker.getSlowCallDurationThreshold());
        }
        else if (target instanceof Redaction redaction) {
            redaction.validate(errors);
        }
    }

    /** The constraints of the breaker defaults and of an adapter's overrides; an override not set is {@code null}. */
    private static void validateCircuitBreaker(Errors errors, @Nullable Float failureRateThreshold,
            @Nullable Integer slidingWindowSize, @Nullable Integer minimumNumberOfCalls,
            @Nullable Duration waitDurationInOpenState, @Nullable Integer permittedNumberOfCallsInHalfOpenState,
            @Nullable Duration slowCallDurationThreshold) {
        inRange(errors, "failureRateThreshold", failureRateThreshold, 1, 100);
        atLeastOne(errors, "slidingWindowSize", slidingWindowSize);
        atLeastOne(errors, "minimumNumberOfCalls", minimumNumberOfCalls);
        positive(errors, "waitDurationInOpenState", waitDurationInOpenState);
        atLeastOne(errors, "permittedNumberOfCallsInHalfOpenState", permittedNumberOfCallsInHalfOpenState);
        positive(errors, "slowCallDurationThreshold", slowCallDurationThreshold);
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

        /** @return whether sensitive values are masked */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether sensitive values are masked */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the words that mark a key as sensitive */
        public List<String> getSensitiveWords() {
            return this.sensitiveWords;
        }

        /** @param sensitiveWords the words that mark a key as sensitive */
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

        /** @return whether metrics are routed */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether metrics are routed */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The tracing signal. */
    public static class Tracing {

        /** Whether spans are routed to the adapters (default true). */
        private boolean enabled = true;

        /** @return whether spans are routed */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether spans are routed */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The health signal and the health cycle. */
    public static class Health {

        /** Whether health reports are routed to the health adapters (default true). */
        private boolean enabled = true;

        /** Time between two health cycles (default 30s). */
        private Duration interval = Duration.ofSeconds(30);

        /** Longest a health check or an adapter's health() may run before it counts as DOWN (default 5s). */
        private Duration timeout = Duration.ofSeconds(5);

        /** Failures in a row, from 1 to 100, that make a health check DOWN; fewer make it DEGRADED (default 3). */
        private int failureThreshold = 3;

        /**
         * Whether an adapter in trouble (degraded, circuit open, backend down) reports DOWN in Actuator and so takes
         * the application's health DOWN (default false: it shows a status of its own and the application stays UP).
         */
        private boolean adapterTroubleIsDown = false;

        /** @return whether health reports are routed */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether health reports are routed */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the time between two cycles */
        public Duration getInterval() {
            return this.interval;
        }

        /** @param interval the time between two cycles */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return the longest a check may run */
        public Duration getTimeout() {
            return this.timeout;
        }

        /** @param timeout the longest a check may run */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @return the failures in a row that make a check DOWN */
        public int getFailureThreshold() {
            return this.failureThreshold;
        }

        /** @param failureThreshold the failures in a row that make a check DOWN */
        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        /** @return whether adapter trouble reports DOWN */
        public boolean isAdapterTroubleIsDown() {
            return this.adapterTroubleIsDown;
        }

        /** @param adapterTroubleIsDown whether adapter trouble reports DOWN */
        public void setAdapterTroubleIsDown(boolean adapterTroubleIsDown) {
            this.adapterTroubleIsDown = adapterTroubleIsDown;
        }

        void validate(Errors errors) {
            positive(errors, "interval", this.interval);
            positive(errors, "timeout", this.timeout);
            inRange(errors, "failureThreshold", this.failureThreshold, 1, 100);
        }
    }

    /** The logging signal. */
    public static class Logging {

        /** Whether log events are routed to the adapters (default true). */
        private boolean enabled = true;

        /** Minimum level of the log events routed to the adapters (default INFO). */
        private LogLevel level = LogLevel.INFO;

        /** @return whether log events are routed */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether log events are routed */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the minimum level routed */
        public LogLevel getLevel() {
            return this.level;
        }

        /** @param level the minimum level routed */
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

        /** @return whether the JSON lines are the default format */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether the JSON lines are the default format */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Default dispatch settings of every lane. */
    public static class Dispatch {

        /** How lanes call their adapter, inline or async (default: each adapter's preferred mode). */
        private @Nullable DispatchMode mode;

        /** Most events an async lane's queue holds before it drops new ones, 1 or more (default 8192). */
        private int queueCapacity = 8192;

        /** Longest the application's shutdown waits for the lanes' queues to drain (default 5s). */
        private Duration shutdownTimeout = Duration.ofSeconds(5);

        /** Shortest time between two reports of one adapter's failures in the application log (default 1m). */
        private Duration failureLogInterval = Duration.ofMinutes(1);

        /** @return the default dispatch mode, or {@code null} for each adapter's preference */
        public @Nullable DispatchMode getMode() {
            return this.mode;
        }

        /** @param mode the default dispatch mode */
        public void setMode(@Nullable DispatchMode mode) {
            this.mode = mode;
        }

        /** @return the default queue capacity */
        public int getQueueCapacity() {
            return this.queueCapacity;
        }

        /** @param queueCapacity the default queue capacity */
        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        /** @return the longest shutdown waits for queues to drain */
        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        /** @param shutdownTimeout the longest shutdown waits for queues to drain */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        /** @return the shortest time between two failure reports of one adapter */
        public Duration getFailureLogInterval() {
            return this.failureLogInterval;
        }

        /** @param failureLogInterval the shortest time between two failure reports of one adapter */
        public void setFailureLogInterval(Duration failureLogInterval) {
            this.failureLogInterval = failureLogInterval;
        }

        void validate(Errors errors) {
            atLeastOne(errors, "queueCapacity", this.queueCapacity);
            notNegative(errors, "shutdownTimeout", this.shutdownTimeout);
            positive(errors, "failureLogInterval", this.failureLogInterval);
        }
    }

    /** Default circuit breaker settings of every lane. */
    public static class CircuitBreaker {

        /** Failure or slow-call rate, in percent from 1 to 100, at which a lane's breaker opens (default 50). */
        private float failureRateThreshold = 50;

        /** Number of recent calls the failure rate is computed over (default 100). */
        private int slidingWindowSize = 100;

        /** Calls needed in the window before the failure rate is computed (default 20). */
        private int minimumNumberOfCalls = 20;

        /** How long an open breaker refuses events before it lets probes through (default 30s). */
        private Duration waitDurationInOpenState = Duration.ofSeconds(30);

        /** Number of probe calls in the half-open state (default 5). */
        private int permittedNumberOfCallsInHalfOpenState = 5;

        /** Duration over which an adapter call counts as slow, and so as a failure (default 1s). */
        private Duration slowCallDurationThreshold = Duration.ofSeconds(1);

        /** @return the failure rate threshold in percent */
        public float getFailureRateThreshold() {
            return this.failureRateThreshold;
        }

        /** @param failureRateThreshold the failure rate threshold in percent */
        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        /** @return the sliding window size */
        public int getSlidingWindowSize() {
            return this.slidingWindowSize;
        }

        /** @param slidingWindowSize the sliding window size */
        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        /** @return the minimum number of calls */
        public int getMinimumNumberOfCalls() {
            return this.minimumNumberOfCalls;
        }

        /** @param minimumNumberOfCalls the minimum number of calls */
        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        /** @return how long the breaker stays open */
        public Duration getWaitDurationInOpenState() {
            return this.waitDurationInOpenState;
        }

        /** @param waitDurationInOpenState how long the breaker stays open */
        public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        /** @return the number of probe calls when half-open */
        public int getPermittedNumberOfCallsInHalfOpenState() {
            return this.permittedNumberOfCallsInHalfOpenState;
        }

        /** @param permittedNumberOfCallsInHalfOpenState the number of probe calls when half-open */
        public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
            this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
        }

        /** @return the duration over which a call is slow */
        public Duration getSlowCallDurationThreshold() {
            return this.slowCallDurationThreshold;
        }

        /** @param slowCallDurationThreshold the duration over which a call is slow */
        public void setSlowCallDurationThreshold(Duration slowCallDurationThreshold) {
            this.slowCallDurationThreshold = slowCallDurationThreshold;
        }
    }

    /** Overrides for one adapter; every unset value falls back to the defaults above. */
    public static class Adapter {

        /** Whether the adapter starts switched on (default true). */
        private boolean enabled = true;

        private final DispatchOverrides dispatch = new DispatchOverrides();

        private final CircuitBreakerOverrides circuitBreaker = new CircuitBreakerOverrides();

        /** @return whether the adapter starts switched on */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether the adapter starts switched on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the dispatch overrides */
        public DispatchOverrides getDispatch() {
            return this.dispatch;
        }

        /** @return the breaker overrides */
        public CircuitBreakerOverrides getCircuitBreaker() {
            return this.circuitBreaker;
        }
    }

    /** Dispatch overrides for one adapter; every unset value falls back to observability.dispatch.*. */
    public static class DispatchOverrides {

        /** How the lane calls this adapter (default: observability.dispatch.mode, else the adapter's preference). */
        private @Nullable DispatchMode mode;

        /** Capacity of this adapter's queue (default: observability.dispatch.queue-capacity). */
        private @Nullable Integer queueCapacity;

        /** @return the dispatch mode, or {@code null} for the default */
        public @Nullable DispatchMode getMode() {
            return this.mode;
        }

        /** @param mode the dispatch mode */
        public void setMode(@Nullable DispatchMode mode) {
            this.mode = mode;
        }

        /** @return the queue capacity, or {@code null} for the default */
        public @Nullable Integer getQueueCapacity() {
            return this.queueCapacity;
        }

        /** @param queueCapacity the queue capacity */
        public void setQueueCapacity(@Nullable Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }
    }

    /** Circuit breaker overrides for one adapter; every unset value falls back to observability.circuit-breaker.*. */
    public static class CircuitBreakerOverrides {

        /** Failure rate threshold in percent, from 1 to 100. */
        private @Nullable Float failureRateThreshold;

        /** Sliding window size. */
        private @Nullable Integer slidingWindowSize;

        /** Minimum number of calls. */
        private @Nullable Integer minimumNumberOfCalls;

        /** Wait duration in the open state. */
        private @Nullable Duration waitDurationInOpenState;

        /** Permitted number of calls in the half-open state. */
        private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

        /** Slow call duration threshold. */
        private @Nullable Duration slowCallDurationThreshold;

        /** @return the override, or {@code null} */
        public @Nullable Float getFailureRateThreshold() {
            return this.failureRateThreshold;
        }

        /** @param failureRateThreshold the override */
        public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        /** @return the override, or {@code null} */
        public @Nullable Integer getSlidingWindowSize() {
            return this.slidingWindowSize;
        }

        /** @param slidingWindowSize the override */
        public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        /** @return the override, or {@code null} */
        public @Nullable Integer getMinimumNumberOfCalls() {
            return this.minimumNumberOfCalls;
        }

        /** @param minimumNumberOfCalls the override */
        public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        /** @return the override, or {@code null} */
        public @Nullable Duration getWaitDurationInOpenState() {
            return this.waitDurationInOpenState;
        }

        /** @param waitDurationInOpenState the override */
        public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        /** @return the override, or {@code null} */
        public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
            return this.permittedNumberOfCallsInHalfOpenState;
        }

        /** @param permittedNumberOfCallsInHalfOpenState the override */
        public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
            this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
        }

        /** @return the override, or {@code null} */
        public @Nullable Duration getSlowCallDurationThreshold() {
            return this.slowCallDurationThreshold;
        }

        /** @param slowCallDurationThreshold the override */
        public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
            this.slowCallDurationThreshold = slowCallDurationThreshold;
        }
    }
}
