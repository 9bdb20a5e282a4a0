/**
 * Internal, not for users: the lanes (one per adapter: enabled switch, circuit breaker, inline or queued dispatch,
 * exact accounting), their workers and clock. Its types change without notice between releases, and nothing outside
 * the core uses it.
 */
@NullMarked
package dev.observability.core.internal.dispatch;

import org.jspecify.annotations.NullMarked;
