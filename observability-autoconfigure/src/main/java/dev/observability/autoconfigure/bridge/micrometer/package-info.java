/**
 * The Micrometer bridge: a meter registry that Boot joins to its composite registry, so that the application's
 * meters (Boot's {@code http.server.requests}, {@code jvm.*}, its own) reach the metrics adapters that do not read
 * Micrometer by themselves, each recording once.
 */
@NullMarked
package dev.observability.autoconfigure.bridge.micrometer;

import org.jspecify.annotations.NullMarked;
