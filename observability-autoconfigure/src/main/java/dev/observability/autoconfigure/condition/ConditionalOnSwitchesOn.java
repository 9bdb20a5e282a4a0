package dev.observability.autoconfigure.condition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when each of the named boolean properties (on/off switches such as {@code observability.enabled}) is
 * missing or set to a true value. Unlike Boot's {@code @ConditionalOnBooleanProperty}, which treats any value but
 * {@code true} as off, a value that is not a boolean ({@code maybe}, an empty value) stops the start-up with a
 * failure analysis naming the property, the value and the fix. Values are read as Spring binds a boolean:
 * {@code true}, {@code on}, {@code yes}, {@code 1} and {@code false}, {@code off}, {@code no}, {@code 0}, in any case.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnSwitchesOnCondition.class)
public @interface ConditionalOnSwitchesOn {

    /** @return the full names of the switches, all of which must be on (or missing) for a match */
    String[] value();
}
