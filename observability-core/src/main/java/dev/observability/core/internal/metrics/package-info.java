/**
 * Internal, not for users: the metrics signal's recorder ({@code MetricRecorder}), the rule for metric names, the
 * handles it binds, its cache of recent series and the feeds it makes for bridges. Its types change without notice
 * between releases.
 */
@NullMarked
package dev.observability.core.internal.metrics;

import org.jspecify.annotations.NullMarked;
