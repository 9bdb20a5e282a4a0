package dev.observability.autoconfigure.condition;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnSwitchesNotOff}: reads each switch leniently and leaves a value that is not
 * a boolean to the binder.
 */
final class OnSwitchesNotOffCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, @Nullable Object> attributes = metadata
            .getAnnotationAttributes(ConditionalOnSwitchesNotOff.class.getName());
        Object value = (attributes != null) ? attributes.get("value") : null;
        String[] names = (value instanceof String[] given) ? given : new String[0];
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnSwitchesNotOff.class);
        for (String name : names) {
            if (isOff(context.getEnvironment().getProperty(name))) {
                return ConditionOutcome.noMatch(message.because("'" + name + "' is off"));
            }
        }
        return ConditionOutcome.match(message.because(String.join(", ", names) + " not off"));
    }

    /**
     * @param value a switch's value, or {@code null} when it is not set
     * @return whether Spring binds the value as {@code false}; a value that is not a boolean is not off
     */
    static boolean isOff(@Nullable String value) {
        if (value == null) {
            return false;
        }
        try {
            return Boolean.FALSE.equals(DefaultConversionService.getSharedInstance().convert(value, Boolean.class));
        }
        catch (ConversionException ex) {
            return false;
        }
    }
}
