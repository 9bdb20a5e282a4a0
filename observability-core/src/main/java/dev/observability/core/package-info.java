/**
 * The facade an application records telemetry through, and the adapter types it routes to.
 */
@NullMarked
package dev.observability.core;

import org.jspecify.annotations.NullMarked;
