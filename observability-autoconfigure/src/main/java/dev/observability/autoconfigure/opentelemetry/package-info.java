/**
 * The OpenTelemetry backend, one subpackage per signal ({@code traces}, {@code metrics}, {@code logs}), each on the
 * application's SDK or OTLP registry (Boot's, configured with Boot's keys; never a second one). This package holds
 * what the signals share: the outcomes of an exporter's work ({@link ExportOutcomes}) and the wrappers that count
 * them, the adapters' common base, the manager's fields as attributes and span ids both ways, and the properties.
 */
@NullMarked
package dev.observability.autoconfigure.opentelemetry;

import org.jspecify.annotations.NullMarked;
