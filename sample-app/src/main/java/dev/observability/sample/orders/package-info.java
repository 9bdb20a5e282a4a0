/**
 * The sample's orders API: handlers that record metrics, spans and logs through the {@code ObservabilityManager},
 * and a health check on the order book.
 */
@NullMarked
package dev.observability.sample.orders;

import org.jspecify.annotations.NullMarked;
