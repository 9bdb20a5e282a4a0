/**
 * Internal, not for users: the appliers of the redaction rule ({@code dev.observability.core.redaction.Redaction})
 * to each type that carries keys: log fields and span attributes, metric labels, spans made outside the manager, and
 * health details. Its types change without notice between releases.
 */
@NullMarked
package dev.observability.core.internal.redaction;

import org.jspecify.annotations.NullMarked;
