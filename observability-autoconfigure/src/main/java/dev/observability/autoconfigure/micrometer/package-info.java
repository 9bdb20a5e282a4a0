/**
 * What every Micrometer-backed metrics adapter shares: the {@code MicrometerMetricsAdapter} that records the
 * manager's metrics into a Micrometer registry of the application's (Boot's Prometheus or OTLP registry), its
 * cardinality guard and their limits. Boot's {@code management.metrics.distribution.*} shapes the meters'
 * percentiles, histograms and SLO buckets.
 */
@NullMarked
package dev.observability.autoconfigure.micrometer;

import org.jspecify.annotations.NullMarked;
