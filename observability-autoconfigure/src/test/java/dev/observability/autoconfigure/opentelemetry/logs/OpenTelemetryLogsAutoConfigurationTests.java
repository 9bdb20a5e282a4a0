package dev.observability.autoconfigure.opentelemetry.logs;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTelemetryLogsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false")
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryLogsAutoConfiguration.class));

    private final ApplicationContextRunner withBootSdk = this.runner
        .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryLoggingAutoConfiguration.class, OtlpLoggingAutoConfiguration.class))
        .withPropertyValues("management.opentelemetry.logging.export.otlp.endpoint=http://127.0.0.1:9/v1/logs");

    @Test
    void emitsIntoBootsSdkAndCountsWhatBootsExporterExports() {
        this.withBootSdk.run((context) -> {
            assertThat(context).hasSingleBean(OpenTelemetryLogsAdapter.class)
                .hasBean(OpenTelemetryLogsAutoConfiguration.EXPORTS)
                .hasSingleBean(SdkLoggerProvider.class).hasSingleBean(EmittedLogRecordCounter.class);
            assertThat(context.getBean(LogRecordExporter.class)).isInstanceOf(CountingLogRecordExporter.class);
            AdapterSnapshot adapter = context.getBean(ObservabilityManager.class)
                .controls().adapter(OpenTelemetryLogsAdapter.NAME).orElseThrow();
            assertThat(adapter.enabled()).isTrue();
        });
    }

    @Test
    void startsSwitchedOffWhenOpenTelemetryIsSwitchedOffByProperty() {
        this.withBootSdk.withPropertyValues("observability.opentelemetry.enabled=false").run((context) -> {
            AdapterSnapshot adapter = context.getBean(ObservabilityManager.class)
                .controls().adapter(OpenTelemetryLogsAdapter.NAME).orElseThrow();
            assertThat(adapter.configuredEnabled()).isFalse();
            assertThat(context.getBean(OpenTelemetryLogsAdapter.class).exports().adapterSwitch().isOn()).isFalse();
        });
    }

    @Test
    void backsOffWithoutTheSdksLogs() {
        this.withBootSdk.withClassLoader(new FilteredClassLoader(SdkLoggerProvider.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenTelemetryLogsAdapter.class));
    }

    @Test
    void backsOffWithoutAnOpenTelemetryBean() {
        this.runner.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(OpenTelemetryLogsAdapter.class)
            .doesNotHaveBean(OpenTelemetryLogsAutoConfiguration.EXPORTS));
    }

    @Test
    void backsOffWhenTheStarterIsSwitchedOff() {
        this.withBootSdk.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryLogsAdapter.class)
                .doesNotHaveBean("countingLogRecordExportersPostProcessor"));
    }

    @Test
    void usersAdapterBeanWins() {
        this.withBootSdk.withBean("myLogsAdapter", OpenTelemetryLogsAdapter.class,
                () -> new OpenTelemetryLogsAdapter(OpenTelemetry.noop().getLogsBridge(),
                        SwitchedOnExports.logRecords()))
            .run((context) -> assertThat(context).hasSingleBean(OpenTelemetryLogsAdapter.class)
                .hasBean("myLogsAdapter"));
    }
}
