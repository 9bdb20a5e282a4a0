/**
 * The API for applications: {@link dev.observability.core.ObservabilityManager}, the one facade an application
 * records telemetry through, its builder and the bridges' {@link dev.observability.core.MetricsFeed}. The value types
 * it takes come from the SPI package ({@code dev.observability.core.spi}).
 */
@NullMarked
package dev.observability.core;

import org.jspecify.annotations.NullMarked;
