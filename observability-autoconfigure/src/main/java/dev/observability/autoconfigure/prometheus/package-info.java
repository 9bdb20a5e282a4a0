/**
 * The Prometheus adapter: manager metrics recorded as Micrometer meters in the application's
 * {@code PrometheusMeterRegistry}, with a cardinality guard and per-prefix distribution settings.
 */
@NullMarked
package dev.observability.autoconfigure.prometheus;

import org.jspecify.annotations.NullMarked;
