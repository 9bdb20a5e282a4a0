package dev.observability.autoconfigure.opentelemetry;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.autoconfigure.opentelemetry.logs.OpenTelemetryLogsAdapter;
import dev.observability.autoconfigure.opentelemetry.metrics.OpenTelemetryMetricsAdapter;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.test.AdapterCompatibilityKit;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The OpenTelemetry adapters pass the compatibility kit: traces on an SDK tracer provider, metrics on an OTLP meter
 * registry whose sender discards what it is given, logs on an SDK logger provider without an exporter (nothing
 * leaves the test).
 */
class OpenTelemetryAdaptersCompatibilityTests {

    @Nested
    class Traces extends AdapterCompatibilityKit {

        private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new OpenTelemetryAdapter(this.provider.get("compatibility-kit"), SwitchedOnExports.spans());
        }

        @AfterEach
        void closeProvider() {
            this.provider.close();
        }
    }

    @Nested
    class Metrics extends AdapterCompatibilityKit {

        private final OtlpMeterRegistry registry = OtlpMeterRegistry.builder(OtlpConfig.DEFAULT)
            .metricsSender((request) -> {
            })
            .build();

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new OpenTelemetryMetricsAdapter(this.registry, MicrometerAdapterSettings.DEFAULTS,
                    SwitchedOnExports.metricsPublishes());
        }

        @AfterEach
        void closeRegistry() {
            this.registry.close();
        }
    }

    @Nested
    class Logs extends AdapterCompatibilityKit {

        private final SdkLoggerProvider provider = SdkLoggerProvider.builder().build();

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new OpenTelemetryLogsAdapter(this.provider, SwitchedOnExports.logRecords());
        }

        @AfterEach
        void closeProvider() {
            this.provider.close();
        }
    }
}
