/**
 * OpenTelemetry metrics: an adapter that records the manager's metrics into the application's OTLP meter registry,
 * and the counting of what the registry's publishes did.
 */
@NullMarked
package dev.observability.autoconfigure.opentelemetry.metrics;

import org.jspecify.annotations.NullMarked;
