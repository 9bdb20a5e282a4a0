/**
 * OpenTelemetry traces: an adapter that turns manager spans into spans of the application's SDK, a span context
 * source that gives manager spans the SDK's ids, and the counting of what the SDK's span exporters export.
 */
@NullMarked
package dev.observability.autoconfigure.opentelemetry.traces;

import org.jspecify.annotations.NullMarked;
