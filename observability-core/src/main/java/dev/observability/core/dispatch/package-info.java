/**
 * Isolation lanes: one per adapter, with an enabled switch, a circuit breaker, a dispatch mode and exact accounting.
 */
@NullMarked
package dev.observability.core.dispatch;

import org.jspecify.annotations.NullMarked;
