/**
 * Metrics: the adapter SPI, labels, metric identities and pre-bound recording handles.
 */
@NullMarked
package dev.observability.core.metrics;

import org.jspecify.annotations.NullMarked;
