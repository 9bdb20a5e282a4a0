package dev.observability.autoconfigure.opentelemetry.traces;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A collector that is down at start-up: the application starts and records, the adapter's health says the exports
 * fail, and once a collector listens on that port the spans flow again without a restart.
 */
class UnreachableCollectorTests {

    @Test
    void healthShowsFailedExportsAndRecoversWhenTheCollectorComesUp() throws Exception {
        int port = freeLoopbackPort();
        BootOtlpExport.to("http://127.0.0.1:" + port + "/v1/traces")
            .withPropertyValues("management.opentelemetry.tracing.export.otlp.timeout=1s")
            .run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                ExportOutcomes exports = context.getBean(OpenTelemetryAdapter.class).exports();
                manager.startSpan("while-down").close();
                await().atMost(Duration.ofSeconds(30)).until(() -> exports.failed() >= 1);
                assertThat(adapterHealth(manager)).isEqualTo(HealthStatus.DOWN);
                try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(port)) {
                    Span span = manager.startSpan("after-recovery");
                    span.close();
                    await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.spans().stream().anyMatch((received) -> received.spanId()
                            .equals(span.context().spanId())));
                    await().atMost(Duration.ofSeconds(10)).until(() -> adapterHealth(manager) == HealthStatus.UP);
                }
            });
    }

    private static HealthStatus adapterHealth(ObservabilityManager manager) {
        return manager.controls().runHealthChecks().adapters().stream()
            .filter((adapter) -> adapter.name().equals(OpenTelemetryAdapter.NAME))
            .findFirst().orElseThrow().health().status();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
