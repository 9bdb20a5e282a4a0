/**
 * The settings that change at runtime follow a refresh of the application's configuration (Spring Cloud's
 * {@code EnvironmentChangeEvent}: Spring Cloud Config with Bus, Spring Cloud Kubernetes' reload,
 * {@code /actuator/refresh}).
 * Active only when Spring Cloud Context is on the class path.
 */
@NullMarked
package dev.observability.autoconfigure.refresh;

import org.jspecify.annotations.NullMarked;
