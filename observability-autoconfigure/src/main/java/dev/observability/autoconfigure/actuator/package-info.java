/**
 * Actuator integration: the {@code observability} health contributor, the {@code observability} endpoint and the
 * self-metrics. Active only when Actuator (and, for metrics, Micrometer) is on the classpath.
 */
@NullMarked
package dev.observability.autoconfigure.actuator;

import org.jspecify.annotations.NullMarked;
