/**
 * JMH benchmarks of the manager, side by side with the anchors an application would otherwise call directly
 * (Micrometer, the OpenTelemetry SDK, Logback with Spring Boot's structured logging). See
 * {@code docs/benchmarks.md} for the commands and the results.
 */
@NullMarked
package dev.observability.benchmarks;

import org.jspecify.annotations.NullMarked;
