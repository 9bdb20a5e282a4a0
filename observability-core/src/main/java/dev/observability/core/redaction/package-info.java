/**
 * Redaction of sensitive values by key, applied by the manager before any adapter sees an event.
 */
@NullMarked
package dev.observability.core.redaction;

import org.jspecify.annotations.NullMarked;
