/**
 * Internal, not for users: the tracing signal's recorder ({@code SpanRecorder}), the rule for span names, the
 * manager's spans and each thread's stack of current spans. Its types change without notice between releases.
 */
@NullMarked
package dev.observability.core.internal.tracing;

import org.jspecify.annotations.NullMarked;
