/**
 * The sample's JSON orders API for the end-to-end benchmark. The controller records through {@link
 * dev.observability.e2e.orders.OrderSignals}: the manager with the starter (as the sample does), Micrometer's
 * Observation and meters without it (what the same application would write without the starter).
 */
@NullMarked
package dev.observability.e2e.orders;

import org.jspecify.annotations.NullMarked;
