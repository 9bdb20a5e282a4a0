/**
 * The OpenTelemetry backend: an adapter that turns manager spans into OpenTelemetry spans of the application's SDK
 * (Boot's, configured with Boot's keys; the adapter never builds one), a span context source
 * that gives manager spans the SDK's ids, and an account of what the SDK exported.
 */
@NullMarked
package dev.observability.autoconfigure.opentelemetry;

import org.jspecify.annotations.NullMarked;
