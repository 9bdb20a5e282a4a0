/**
 * The end-to-end benchmark's variants that need more than the application: the custom adapters, wired only when the
 * starter is on the class path and the variant's property names them, and OpenTelemetry's Logback appender of the
 * {@code otel} jar. Compiled into each benchmark application; each is read only when its jar has what it needs.
 */
@NullMarked
package dev.observability.e2e.variants;

import org.jspecify.annotations.NullMarked;
