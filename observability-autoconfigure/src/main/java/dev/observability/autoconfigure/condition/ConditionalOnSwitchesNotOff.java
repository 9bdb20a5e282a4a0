package dev.observability.autoconfigure.condition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches unless one of the named on/off switches (such as {@code observability.enabled}) is set to a value Spring
 * binds as {@code false}: {@code false}, {@code off}, {@code no} or {@code 0}, in any case. A switch that is not set
 * is on. Unlike Boot's {@code @ConditionalOnBooleanProperty}, which reads any value but {@code true} as off, a value
 * that is not a boolean ({@code maybe}) matches: the configuration it guards goes on, binds its properties, and the
 * bind fails with Boot's report of the property, the value and where it came from. The condition never throws.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnSwitchesNotOffCondition.class)
public @interface ConditionalOnSwitchesNotOff {

    /** @return the full names of the switches, none of which may be off for a match */
    String[] value();
}
