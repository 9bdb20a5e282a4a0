/**
 * The built-in adapters, for applications without a backend library: a no-op adapter per signal and the JSON
 * logger ({@code JsonLoggingAdapter}, which writes each event as one line of {@code JsonLogFormat}). They are
 * adapters like any other and use only the SPI.
 */
@NullMarked
package dev.observability.core.adapters;

import org.jspecify.annotations.NullMarked;
