package dev.observability.autoconfigure.refresh;

import java.util.List;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.autoconfigure.ConfiguredSettings;
import dev.observability.autoconfigure.ObservabilityProperties;
import dev.observability.core.ManagerSetting;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.core.env.Environment;

/**
 * The configured settings read afresh from the environment at a refresh: {@code observability.*} bound to a new
 * {@link ObservabilityProperties} and validated by the same rules as at start-up, and Boot's
 * {@code management.tracing.sampling.probability}. It reads the environment, not the application's properties bean,
 * which Spring Cloud may be rebinding (and so hold the defaults) at that moment.
 */
final class RefreshedConfiguration {

    /** Boot's property of the trace sampling probability. */
    static final String SAMPLING_PROBABILITY = ManagerSetting.SAMPLING_PROBABILITY.property();

    private RefreshedConfiguration() {
    }

    /**
     * @param environment the application's environment, refreshed
     * @param switches the adapters' own switches
     * @return the settings it configures
     * @throws RefusedConfiguration naming the first property the settings refuse, its value and the rule
     */
    static ConfiguredSettings read(Environment environment, List<AdapterSwitch> switches) throws RefusedConfiguration {
        try {
            ObservabilityProperties properties = Binder.get(environment).bindOrCreate("observability",
                    Bindable.of(ObservabilityProperties.class),
                    // The properties validate every object bound under the prefix, as at start-up.
                    new ValidationBindHandler(new ObservabilityProperties()));
            return new ConfiguredSettings(properties, switches);
        }
        catch (BindException ex) {
            throw RefusedConfiguration.of(ex);
        }
    }

    /**
     * Called only when the manager has trace sampling, and so Boot's tracing properties are on the class path.
     * @param environment the application's environment, refreshed
     * @return the probability configured (Boot's default when the property is not set), checked against the
     * setting's range
     * @throws RefusedConfiguration when the value is not a number from 0 to 1
     */
    static float samplingProbability(Environment environment) throws RefusedConfiguration {
        Float probability;
        try {
            probability = Binder.get(environment).bind(SAMPLING_PROBABILITY, Float.class).orElse(null);
        }
        catch (BindException ex) {
            throw RefusedConfiguration.of(ex);
        }
        if (probability == null) {
            return new TracingProperties().getSampling().getProbability();
        }
        @Nullable String refusal = ManagerSetting.SAMPLING_PROBABILITY.refusal(probability);
        if (refusal != null) {
            throw new RefusedConfiguration(SAMPLING_PROBABILITY, environment.getProperty(SAMPLING_PROBABILITY),
                    refusal);
        }
        return probability;
    }
}
