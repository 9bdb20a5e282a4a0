/**
 * Bridges that hand the telemetry an application already produces (Micrometer meters, Observations, log events) to
 * the adapters that do not read it by themselves, each event once.
 */
@NullMarked
package dev.observability.autoconfigure.bridge;

import org.jspecify.annotations.NullMarked;
