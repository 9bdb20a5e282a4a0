/**
 * What an adapter declares to the bridges: the markers of adapters whose backend already receives a source of the
 * application's telemetry by itself ({@link dev.observability.autoconfigure.adapter.MicrometerNative},
 * {@link dev.observability.autoconfigure.adapter.ObservationNative},
 * {@link dev.observability.autoconfigure.adapter.LogbackNative}), so that the bridges do not hand it that source
 * a second time. The backend packages implement them without depending on the bridges.
 */
@NullMarked
package dev.observability.autoconfigure.adapter;

import org.jspecify.annotations.NullMarked;
