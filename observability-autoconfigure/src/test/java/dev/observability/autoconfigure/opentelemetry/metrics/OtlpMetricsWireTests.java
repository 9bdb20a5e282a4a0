package dev.observability.autoconfigure.opentelemetry.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.EventLog;
import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.OtlpHttpTestReceiver;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Labels;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's {@code OtlpMeterRegistry} pushing to an OTLP/HTTP receiver on loopback: the manager's counter and Boot's
 * meters arrive once each in a push (the Micrometer bridge, feeding a custom adapter, does not feed the OTLP adapter
 * what its registry already holds), and the adapter's health follows the pushes: a refused or unreachable collector
 * shows as {@code DOWN} with the reason and a count of failed publishes, and recovers by itself.
 */
class OtlpMetricsWireTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withPropertyValues("observability.json-logging.enabled=false", "management.otlp.metrics.export.step=200ms")
        .withUserConfiguration(CustomAdapter.class)
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
                OtlpMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                JvmMetricsAutoConfiguration.class, MicrometerBridgeAutoConfiguration.class,
                OpenTelemetryMetricsAutoConfiguration.class));

    @Test
    void managersCounterWithItsLabelsAndBootsMetersArriveOnceEach() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            this.runner.withPropertyValues("management.otlp.metrics.export.url=" + receiver.metricsEndpoint())
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    manager.start();
                    manager.counter("orders.placed", 3, Labels.of("region", "eu"));
                    context.getBean(MeterRegistry.class).counter("jobs.done", "queue", "a").increment();
                    assertThat(context.getBean(EventLog.class).lines()).contains("counter jobs.done{queue=a} 1.0");
                    await().atMost(Duration.ofSeconds(20)).until(() -> pushWith(receiver, "jobs.done") != null);
                    ExportMetricsServiceRequest push = pushWith(receiver, "jobs.done");
                    List<Metric> orders = OtlpHttpTestReceiver.metricsNamed(push, "orders.placed");
                    assertThat(orders).hasSize(1);
                    List<NumberDataPoint> points = orders.get(0).getSum().getDataPointsList();
                    assertThat(points).hasSize(1);
                    assertThat(attributes(points.get(0))).containsExactly(Map.entry("region", "eu"));
                    assertThat(points.get(0).getAsDouble()).isEqualTo(3.0);
                    List<Metric> jobs = OtlpHttpTestReceiver.metricsNamed(push, "jobs.done");
                    assertThat(jobs).hasSize(1);
                    assertThat(jobs.get(0).getSum().getDataPointsList()).singleElement()
                        .satisfies((point) -> assertThat(point.getAsDouble()).isEqualTo(1.0));
                    assertThat(OtlpHttpTestReceiver.metricsNamed(push, "jvm.threads.live")).singleElement()
                        .satisfies((threads) -> assertThat(threads.getGauge().getDataPointsCount()).isEqualTo(1));
                    assertThat(context.getBean(EventLog.class).linesStartingWith("counter orders.placed"))
                        .containsExactly("counter orders.placed{region=eu} 3.0");
                    AdapterHealth health = adapterHealth(manager);
                    assertThat(health.status()).isEqualTo(HealthStatus.UP);
                    assertThat(health.exports()).isNotNull().satisfies((exports) -> {
                        assertThat(exports.items()).isEqualTo("publishes");
                        assertThat(exports.exported()).isPositive();
                        assertThat(exports.failed()).isZero();
                    });
                });
        }
    }

    private static @Nullable ExportMetricsServiceRequest pushWith(OtlpHttpTestReceiver receiver, String name) {
        return receiver.metricsRequests().stream()
            .filter((request) -> !OtlpHttpTestReceiver.metricsNamed(request, name).isEmpty())
            .findFirst().orElse(null);
    }

    @Test
    void aCollectorAnswering503IsShownWithTheReasonUntilItAcceptsAgain() throws Exception {
        try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(0)) {
            receiver.answer(503);
            this.runner.withPropertyValues("management.otlp.metrics.export.url=" + receiver.metricsEndpoint())
                .run((context) -> {
                    ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                    manager.start();
                    await().atMost(Duration.ofSeconds(20)).until(() -> adapterHealth(manager).status() == HealthStatus.DOWN);
                    AdapterHealth down = adapterHealth(manager);
                    assertThat(down.message()).contains("the last metrics publish failed to " + receiver.metricsEndpoint()).contains("503");
                    long failed = down.exports().failed();
                    assertThat(failed).isPositive();
                    receiver.answer(200);
                    await().atMost(Duration.ofSeconds(20)).until(() -> adapterHealth(manager).status() == HealthStatus.UP);
                    assertThat(receiver.metricsRequests()).isNotEmpty();
                    assertThat(adapterHealth(manager).exports().failed()).isEqualTo(failed);
                });
        }
    }

    @Test
    void aCollectorThatIsDownIsShownWithTheReasonAndRecoversWhenItComesUp() throws Exception {
        int port = freeLoopbackPort();
        this.runner.withPropertyValues("management.otlp.metrics.export.url=http://127.0.0.1:" + port
                + OtlpHttpTestReceiver.METRICS_PATH)
            .run((context) -> {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                manager.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> adapterHealth(manager).status() == HealthStatus.DOWN);
                assertThat(adapterHealth(manager).message()).contains("ConnectException");
                try (OtlpHttpTestReceiver receiver = OtlpHttpTestReceiver.start(port)) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> adapterHealth(manager).status() == HealthStatus.UP);
                    assertThat(receiver.metricsRequests()).isNotEmpty();
                }
            });
    }

    private static AdapterHealth adapterHealth(ObservabilityManager manager) {
        return manager.controls().runHealthChecks().adapters().stream()
            .filter((adapter) -> adapter.name().equals(OpenTelemetryMetricsAdapter.NAME))
            .findFirst().orElseThrow().health();
    }

    private static Map<String, String> attributes(NumberDataPoint point) {
        return point.getAttributesList().stream()
            .collect(java.util.stream.Collectors.toMap(KeyValue::getKey, (kv) -> kv.getValue().getStringValue()));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomAdapter {

        @Bean
        EventLog eventLog() {
            return new EventLog("custom", DispatchMode.INLINE);
        }
    }
}
