/**
 * Internal, not for users: the lanes (one per adapter: enabled switch, circuit breaker, inline or queued dispatch,
 * exact accounting), their workers and clock, and the failure log. Its types change without notice between
 * releases. Only the project's own modules use it (the auto-configuration uses {@code FailureLog}).
 */
@NullMarked
package dev.observability.core.internal.dispatch;

import org.jspecify.annotations.NullMarked;
