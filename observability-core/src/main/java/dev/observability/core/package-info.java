/**
 * The API for applications: {@link dev.observability.core.ObservabilityManager}, the one facade an application
 * records telemetry through, its builder, {@link dev.observability.core.ObservabilityControls}, which operates the
 * manager's pipeline (adapters, health, settings at runtime), and the manager's settings that change at runtime. The
 * value types it takes come from the SPI package ({@code dev.observability.core.spi}); what a bridge from another
 * library calls is in {@code dev.observability.core.bridge}.
 */
@NullMarked
package dev.observability.core;

import org.jspecify.annotations.NullMarked;
