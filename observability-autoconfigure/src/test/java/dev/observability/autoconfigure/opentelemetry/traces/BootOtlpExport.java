package dev.observability.autoconfigure.opentelemetry.traces;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An application whose spans Boot's OpenTelemetry SDK exports over OTLP/HTTP (Boot's keys), with the manager and the
 * OpenTelemetry adapter on it: every span sampled, batches sent every 50 ms.
 */
final class BootOtlpExport {

    private BootOtlpExport() {
    }

    /**
     * @param endpoint where Boot's SDK sends spans ({@code management.opentelemetry.tracing.export.otlp.endpoint})
     * @return the runner
     */
    static ApplicationContextRunner to(String endpoint) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, ObservabilityAutoConfiguration.class,
                    OpenTelemetryAutoConfiguration.class))
            .withPropertyValues("management.tracing.sampling.probability=1.0",
                    "management.opentelemetry.tracing.export.schedule-delay=50ms",
                    "management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint);
    }
}
