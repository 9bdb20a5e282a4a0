/**
 * Tracing: the adapter SPI, W3C span contexts and the manager's spans.
 */
@NullMarked
package dev.observability.core.tracing;

import org.jspecify.annotations.NullMarked;
