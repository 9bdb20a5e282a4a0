package dev.observability.autoconfigure.opentelemetry;

import java.io.IOException;
import java.net.ConnectException;

import dev.observability.autoconfigure.opentelemetry.traces.CountingSpanExporter;
import dev.observability.core.spi.AdapterHealth;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OpenTelemetry adapters write about a failed export says where it went and why, without the credentials
 * the exporter's URL, headers or error carried.
 */
class ExportFailureTextTests {

    private static final String SECRET = "S3cr3t-value";

    @Test
    void aFailedPublishNamesTheCollectorWithoutUserInfoOrQuery() {
        ExportOutcomes exports = SwitchedOnExports.metricsPublishes();
        exports.failed(1, "http://user:" + SECRET + "@collector:4318/v1/metrics?token=" + SECRET,
                new Exception(new ConnectException()));
        assertThat(exports.health(AdapterHealth.up()).message()).isEqualTo(
                "the last metrics publish failed to http://******@collector:4318/v1/metrics?******: "
                        + "java.net.ConnectException");
    }

    @Test
    void aFailedExportShowsItsErrorCleaned() {
        ExportOutcomes exports = SwitchedOnExports.spans();
        exports.failed(3, new IOException("POST https://user:" + SECRET + "@collector/v1/traces answered 401 to "
                + "Authorization: Bearer " + SECRET));
        assertThat(exports.health().message()).isEqualTo("the last span export failed: java.io.IOException: "
                + "POST https://******@collector/v1/traces answered 401 to Authorization: ******");
    }

    @Test
    void aCountingExporterShowsTheExporterItWrapsWithoutCredentials() {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
            .setEndpoint("http://user:" + SECRET + "@127.0.0.1:4318/v1/traces?token=" + SECRET)
            .addHeader("Authorization", "Bearer " + SECRET)
            .build();
        try {
            assertThat(exporter.toString()).as("the exporter's own").contains(SECRET);
            assertThat(new CountingSpanExporter(exporter, SwitchedOnExports.spans()).toString())
                .startsWith("CountingSpanExporter[OtlpHttpSpanExporter{")
                .contains("http://******@127.0.0.1:4318/v1/traces?******")
                .doesNotContain(SECRET);
        }
        finally {
            exporter.shutdown();
        }
    }
}
