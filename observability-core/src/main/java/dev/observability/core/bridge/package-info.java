/**
 * The API for bridges: what an integration that carries another library's telemetry into the manager calls (the
 * Spring Boot starter's Micrometer and Logback bridges do). A bridge gets its way in from the manager
 * ({@code ObservabilityManager.metricsFeed} and {@code logBridge}; a span made outside the manager goes through
 * {@code ObservabilityManager.recordSpan}) and chooses which adapters it feeds, so that an adapter that reads the
 * source natively is not fed it twice. The ways in ({@link dev.observability.core.bridge.MetricsFeed},
 * {@link dev.observability.core.bridge.LogBridge}) are implemented by the core's recorder of their signal: they never
 * throw or block, and they check, refuse and count bad input as the manager does. The bridge supplies the rest: how
 * to read its events ({@link dev.observability.core.bridge.LogEventReader}) and which adapters receive them
 * ({@link dev.observability.core.bridge.BridgeGate}).
 */
@NullMarked
package dev.observability.core.bridge;

import org.jspecify.annotations.NullMarked;
