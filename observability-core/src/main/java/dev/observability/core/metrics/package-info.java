/**
 * Pre-bound metric handles: resolve a metric once, record many times.
 */
@NullMarked
package dev.observability.core.metrics;

import org.jspecify.annotations.NullMarked;
