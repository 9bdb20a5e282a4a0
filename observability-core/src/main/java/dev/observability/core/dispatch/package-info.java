/**
 * The settings of the isolation lanes (one per adapter: an enabled switch, a circuit breaker, a dispatch mode, a
 * queue) and the factory of their circuit breakers, for the manager's builder, and the rate-limited report of an
 * adapter's failures that the lanes write and an adapter exporting on its own threads can write too. The lanes
 * themselves are internal.
 */
@NullMarked
package dev.observability.core.dispatch;

import org.jspecify.annotations.NullMarked;
