/**
 * The API of the logging signal: {@link dev.observability.core.logging.LogLimits}, the lengths a log event is cut to
 * before any adapter sees it.
 */
@NullMarked
package dev.observability.core.logging;

import org.jspecify.annotations.NullMarked;
