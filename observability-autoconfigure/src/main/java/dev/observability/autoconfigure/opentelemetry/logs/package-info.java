/**
 * OpenTelemetry logs: an adapter that emits log events as log records of the application's SDK, the look-out for
 * OpenTelemetry's own Logback appender, and the counting of what the SDK's log record exporters export.
 */
@NullMarked
package dev.observability.autoconfigure.opentelemetry.logs;

import org.jspecify.annotations.NullMarked;
