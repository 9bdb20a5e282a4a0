package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes of an SDK's span exports with an exporter configured; {@code OpenTelemetryAutoConfigurationTests}
 * shows Boot's SDK without one.
 */
class SpanExportsTests {

    private final ExportOutcomes exports = SwitchedOnExports.spans();

    @Test
    void countsSpansAsExportedAndNoneAsWithoutExporterWhenAnExporterIsConfigured() {
        SpanExporter backend = new CountingSpanExporter(SpanExporter.composite(), this.exports);
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(new EndedSpanCounter(this.exports))
            .addSpanProcessor(SimpleSpanProcessor.create(backend))
            .build()) {
            provider.get("test").spanBuilder("one").startSpan().end();
            provider.get("test").spanBuilder("two").startSpan().end();
        }
        AdapterHealth health = this.exports.health();
        assertThat(health.message()).isNull();
        assertThat(health.details()).containsEntry("spans.ended", 2L).containsEntry("spans.without_exporter", 0L);
        assertThat(health.exports()).isEqualTo(new ExportCounts("spans", 2, 0, 0, 0));
    }
}
