/**
 * Metrics: the adapter SPI, labels, metrics with their descriptions, metric identities and pre-bound recording
 * handles.
 */
@NullMarked
package dev.observability.core.metrics;

import org.jspecify.annotations.NullMarked;
