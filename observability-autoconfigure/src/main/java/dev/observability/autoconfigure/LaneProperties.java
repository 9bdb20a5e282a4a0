package dev.observability.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.observability.autoconfigure.ObservabilityProperties.Adapter;
import dev.observability.autoconfigure.ObservabilityProperties.AdapterSignals;
import dev.observability.autoconfigure.ObservabilityProperties.CircuitBreaker;
import dev.observability.autoconfigure.ObservabilityProperties.LaneDispatch;
import dev.observability.autoconfigure.validation.PropertyConstraints;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The lane properties mapped onto the core's settings, in one place (as Boot's {@code PropertiesConfigAdapter}s do):
 * each property is paired with its {@link LaneSetting}, which defines the values it accepts, so the properties are
 * validated at start-up by the same rules as the core's settings and a change at runtime. An unset property falls
 * back: one adapter's ({@code observability.adapters.<name>.*}) to the defaults of every lane
 * ({@code observability.dispatch.*}, {@code observability.circuit-breaker.*}), and those to the core's
 * ({@link LaneSettings#DEFAULTS}).
 */
final class LaneProperties {

    private static final List<Mapped<LaneDispatch, ?>> DISPATCH = List.of(
            new Mapped<>(LaneSetting.DISPATCH_MODE, LaneDispatch::getMode),
            new Mapped<>(LaneSetting.QUEUE_CAPACITY, LaneDispatch::getQueueCapacity),
            new Mapped<>(LaneSetting.MAX_DELAY, LaneDispatch::getMaxDelay));

    private static final List<Mapped<CircuitBreaker, ?>> CIRCUIT_BREAKER = List.of(
            new Mapped<>(LaneSetting.FAILURE_RATE_THRESHOLD, CircuitBreaker::getFailureRateThreshold),
            new Mapped<>(LaneSetting.SLIDING_WINDOW_SIZE, CircuitBreaker::getSlidingWindowSize),
            new Mapped<>(LaneSetting.MINIMUM_NUMBER_OF_CALLS, CircuitBreaker::getMinimumNumberOfCalls),
            new Mapped<>(LaneSetting.WAIT_DURATION_IN_OPEN_STATE, CircuitBreaker::getWaitDurationInOpenState),
            new Mapped<>(LaneSetting.PERMITTED_NUMBER_OF_CALLS_IN_HALF_OPEN_STATE,
                    CircuitBreaker::getPermittedNumberOfCallsInHalfOpenState),
            new Mapped<>(LaneSetting.SLOW_CALL_DURATION_THRESHOLD, CircuitBreaker::getSlowCallDurationThreshold));

    private static final List<Mapped<AdapterSignals, ?>> SIGNALS = List.of(
            new Mapped<>(LaneSetting.signal(Signal.METRICS), AdapterSignals::getMetrics),
            new Mapped<>(LaneSetting.signal(Signal.TRACING), AdapterSignals::getTracing),
            new Mapped<>(LaneSetting.signal(Signal.HEALTH), AdapterSignals::getHealth),
            new Mapped<>(LaneSetting.signal(Signal.LOGGING), AdapterSignals::getLogging));

    private LaneProperties() {
    }

    /**
     * @param properties the properties
     * @return the settings of a lane without overrides: the core's defaults with {@code observability.dispatch.*}
     * and {@code observability.circuit-breaker.*} applied
     */
    static LaneSettings defaults(ObservabilityProperties properties) {
        return apply(CIRCUIT_BREAKER, properties.getCircuitBreaker(),
                apply(DISPATCH, properties.getDispatch(), LaneSettings.DEFAULTS));
    }

    /**
     * @param defaults the settings of a lane without overrides
     * @param adapter an adapter's {@code observability.adapters.<name>.*} properties
     * @return the defaults with the adapter's properties applied
     */
    static LaneSettings forAdapter(LaneSettings defaults, Adapter adapter) {
        LaneSettings settings = apply(DISPATCH, adapter.getDispatch(), defaults);
        settings = apply(CIRCUIT_BREAKER, adapter.getCircuitBreaker(), settings);
        return apply(SIGNALS, adapter.getSignals(), settings).withEnabled(adapter.isEnabled());
    }

    /**
     * Rejects each set property its setting refuses, under the property's field name.
     * @param dispatch dispatch properties
     * @param errors their errors
     */
    static void validate(LaneDispatch dispatch, Errors errors) {
        DISPATCH.forEach((mapped) -> mapped.validate(dispatch, errors));
    }

    /**
     * Rejects each set property its setting refuses, under the property's field name.
     * @param breaker circuit breaker properties
     * @param errors their errors
     */
    static void validate(CircuitBreaker breaker, Errors errors) {
        CIRCUIT_BREAKER.forEach((mapped) -> mapped.validate(breaker, errors));
    }

    private static <P> LaneSettings apply(List<Mapped<P, ?>> mappings, P properties, LaneSettings settings) {
        LaneSettings applied = settings;
        for (Mapped<P, ?> mapped : mappings) {
            applied = mapped.apply(properties, applied);
        }
        return applied;
    }

    /**
     * One property and the setting it maps onto; the property's field is named after the setting's last part.
     *
     * @param property reads the property, {@code null} when it is not set
     */
    private record Mapped<P, T>(LaneSetting<T> setting, Function<P, @Nullable T> property) {

        LaneSettings apply(P properties, LaneSettings settings) {
            T value = this.property.apply(properties);
            return (value != null) ? this.setting.with(settings, value) : settings;
        }

        void validate(P properties, Errors errors) {
            T value = this.property.apply(properties);
            if (value != null) {
                PropertyConstraints.rejectIf(errors, field(), this.setting.refusal(value));
            }
        }

        private String field() {
            String name = this.setting.name();
            String[] words = name.substring(name.lastIndexOf('.') + 1).split("-");
            StringBuilder field = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                field.append(words[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(words[i].substring(1));
            }
            return field.toString();
        }
    }
}
