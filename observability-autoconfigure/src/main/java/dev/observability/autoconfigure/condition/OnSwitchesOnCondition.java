package dev.observability.autoconfigure.condition;

import java.util.Map;

import dev.observability.autoconfigure.validation.InvalidObservabilityConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnSwitchesOn}. It runs before Boot's property conditions, so a bad value
 * fails the start-up even where another condition would have switched the configuration off.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
final class OnSwitchesOnCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, @Nullable Object> attributes = metadata
            .getAnnotationAttributes(ConditionalOnSwitchesOn.class.getName());
        String[] names = (attributes != null) ? (String[]) attributes.get("value") : new String[0];
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnSwitchesOn.class);
        for (String name : names) {
            if (!isOn(name, context.getEnvironment().getProperty(name))) {
                return ConditionOutcome.noMatch(message.because("'" + name + "' is false"));
            }
        }
        return ConditionOutcome.match(message.because(String.join(", ", names) + " on or not set"));
    }

    /**
     * @param name the switch's name, for the error
     * @param value its value, or {@code null} when it is not set
     * @return whether the switch is on; a switch that is not set is on
     * @throws InvalidObservabilityConfigurationException when the value is not a boolean
     */
    static boolean isOn(String name, @Nullable String value) {
        if (value == null) {
            return true;
        }
        Boolean on;
        try {
            on = DefaultConversionService.getSharedInstance().convert(value, Boolean.class);
        }
        catch (ConversionException ex) {
            on = null;
        }
        if (on == null) {
            throw InvalidObservabilityConfigurationException.invalidProperty(name, value, "true or false", "true");
        }
        return on;
    }
}
