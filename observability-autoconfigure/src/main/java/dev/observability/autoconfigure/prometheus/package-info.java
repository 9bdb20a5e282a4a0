/**
 * The Prometheus adapter: manager metrics recorded as Micrometer meters in the application's
 * {@code PrometheusMeterRegistry}, with a cardinality guard; Boot's {@code management.metrics.distribution.*}
 * shapes their percentiles, histograms and SLO buckets.
 */
@NullMarked
package dev.observability.autoconfigure.prometheus;

import org.jspecify.annotations.NullMarked;
