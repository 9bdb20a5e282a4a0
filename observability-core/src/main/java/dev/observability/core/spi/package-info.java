/**
 * The adapter SPI: everything an adapter author implements and receives, and nothing else. An adapter implements
 * {@link dev.observability.core.spi.ObservabilityAdapter} and one or more of {@code MetricsAdapter},
 * {@code TracingAdapter}, {@code HealthAdapter} and {@code LoggingAdapter}; its methods take the value types of this
 * package ({@code MetricId}, {@code Labels}, {@code SpanStart}, {@code LogEvent}, {@code HealthReport}, ...). The
 * package depends on the JDK and JSpecify only, so an adapter compiles against it alone. Applications use some of
 * the same values ({@code Labels}, {@code Fields}, {@code LogLevel}) with the manager.
 */
@NullMarked
package dev.observability.core.spi;

import org.jspecify.annotations.NullMarked;
