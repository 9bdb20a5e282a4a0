package dev.observability.autoconfigure.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.Signal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MicrometerMetricsAdapterTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void namesAndLabelsComeOutInPrometheusConventions() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter("orders.placed", 2, Labels.of("region", "eu", "channel", "web"));
            manager.gauge("queue.depth", 7, Labels.of("queue", "mail"));
            manager.histogram("order.size", 3, Labels.empty());
            manager.timing("checkout.duration", Duration.ofMillis(250), Labels.of("step", "pay"));
        }
        String scrape = this.registry.scrape();
        assertThat(scrape).contains("orders_placed_total{channel=\"web\",region=\"eu\"} 2.0")
            .contains("queue_depth{queue=\"mail\"} 7.0")
            .contains("order_size_count 1")
            .contains("order_size_sum 3.0")
            .contains("checkout_duration_seconds_count{step=\"pay\"} 1")
            .contains("checkout_duration_seconds_sum{step=\"pay\"} 0.25");
    }

    @Test
    void descriptionsBecomeTheHelpTextAndBaseUnitsPartOfThePrometheusName() {
        Metric received = Metric.named("payload.received").withDescription("Bytes received in payloads")
            .withBaseUnit("bytes");
        Metric checkout = Metric.named("checkout.duration").withDescription("Time spent in a checkout step");
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter(received, 512, Labels.of("route", "upload"));
            manager.timingHandle(checkout, Labels.of("step", "pay")).record(Duration.ofMillis(250));
        }
        String scrape = this.registry.scrape();
        assertThat(scrape).contains("# HELP payload_received_bytes_total Bytes received in payloads\n")
            .contains("payload_received_bytes_total{route=\"upload\"} 512.0")
            .contains("# HELP checkout_duration_seconds Time spent in a checkout step\n")
            .contains("# HELP checkout_duration_seconds_max Time spent in a checkout step\n")
            .contains("checkout_duration_seconds_count{step=\"pay\"} 1");
        assertThat(this.registry.get("payload.received").counter().getId().getBaseUnit()).isEqualTo("bytes");
    }

    @Test
    void aMetricWithoutDescriptionHasNoHelpTextAsMicrometerGivesIt() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter("orders.placed", Labels.empty());
        }
        assertThat(this.registry.get("orders.placed").counter().getId().getDescription()).isNull();
        assertThat(this.registry.scrape().lines().filter((line) -> line.startsWith("# HELP orders_placed_total")))
            .map(String::strip).containsExactly("# HELP orders_placed_total");
    }

    @Test
    void theFirstRegistrationOfANameKeepsItsDescriptionAsInMicrometer() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter(Metric.named("jobs.done").withDescription("Jobs done"), Labels.of("queue", "a"));
            manager.counter(Metric.named("jobs.done").withDescription("Another text"), Labels.of("queue", "a"));
            manager.counter(Metric.named("jobs.done").withDescription("Another text"), Labels.of("queue", "b"));
        }
        String scrape = this.registry.scrape();
        assertThat(scrape).contains("# HELP jobs_done_total Jobs done\n").doesNotContain("Another text")
            .contains("jobs_done_total{queue=\"a\"} 2.0").contains("jobs_done_total{queue=\"b\"} 1.0");
    }

    @Test
    void gaugeKeepsTheLastValueSet() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.gauge("pool.size", 3, Labels.empty());
            manager.gauge("pool.size", 5, Labels.empty());
            assertThat(this.registry.get("pool.size").gauge().value()).isEqualTo(5.0);
        }
    }

    @Test
    void createsEachMeterOnceAndCountsEveryRecording() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            for (int i = 0; i < 100; i++) {
                manager.counter("jobs.done", 1, Labels.of("queue", "a"));
            }
            assertThat(this.registry.find("jobs.done").counters()).hasSize(1);
            assertThat(this.registry.get("jobs.done").counter().count()).isEqualTo(100.0);
        }
    }

    @Test
    void refusesLabelSetsBeyondTheLimitCountsThemAndKeepsTheMetersBounded(CapturedOutput output) {
        try (ObservabilityManager manager = managerWith(
                new MicrometerAdapterSettings(3, 100))) {
            for (int user = 0; user < 50; user++) {
                manager.counter("logins", 1, Labels.of("user", "u" + user));
            }
            manager.counter("logins", 1, Labels.of("user", "u0"));
            assertThat(this.registry.find("logins").counters()).hasSize(3);
            assertThat(this.registry.get("logins").tag("user", "u0").counter().count()).isEqualTo(2.0);
            assertThat(manager.controls().refusals().count(InputRefusal.CARDINALITY)).isEqualTo(47);
        }
        assertThat(output.getAll().split("metric 'logins' has 3 label sets", -1)).hasSize(2);
        assertThat(output.getAll()).contains("label keys: user").doesNotContain("u49");
    }

    @Test
    void refusesMetricNamesBeyondTheLimit(CapturedOutput output) {
        try (ObservabilityManager manager = managerWith(
                new MicrometerAdapterSettings(10, 2))) {
            manager.counter("first", 1, Labels.of("k", "a"));
            manager.counter("second", 1, Labels.of("k", "a"));
            manager.counter("third", 1, Labels.of("k", "a"));
            manager.counter("fourth", 1, Labels.of("k", "a"));
            manager.counter("first", 1, Labels.of("k", "b"));
            assertThat(this.registry.getMeters()).hasSize(3);
            assertThat(manager.controls().refusals().count(InputRefusal.CARDINALITY)).isEqualTo(2);
        }
        assertThat(output.getAll()).contains("has 2 metric names, its limit").contains("first: 'third'");
    }

    /**
     * Micrometer 1.16 (Boot 4.0) will not export two label key sets under one Prometheus name; Micrometer 1.17 (Boot
     * 4.1, Prometheus client 1.7) exports both. The adapter follows its registry: it refuses where the registry does,
     * and records where the registry accepts.
     */
    @Test
    void followsTheRegistryOnAMetricWhoseLabelKeysDifferFromTheFirstOfItsName(CapturedOutput output) {
        boolean registryAcceptsOtherKeys = prometheusAcceptsDifferentLabelKeysForOneName();
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter("payments", 1, Labels.of("method", "card"));
            manager.counter("payments", 1, Labels.of("currency", "eur"));
            manager.counter("payments", 1, Labels.of("currency", "eur"));
            assertThat(manager.controls().lane("prom").orElseThrow().counts(Signal.METRICS).failed()).isZero();
            if (registryAcceptsOtherKeys) {
                assertThat(manager.controls().refusals().count(InputRefusal.INVALID_LABELS)).isZero();
                assertThat(this.registry.find("payments").counters()).hasSize(2);
                assertThat(this.registry.get("payments").tag("currency", "eur").counter().count()).isEqualTo(2.0);
                assertThat(this.registry.scrape()).contains("payments_total{currency=\"eur\"} 2.0");
                assertThat(output.getAll()).doesNotContain("cannot record counter 'payments'");
            }
            else {
                assertThat(manager.controls().refusals().count(InputRefusal.INVALID_LABELS)).isEqualTo(2);
                assertThat(this.registry.find("payments").counters()).hasSize(1);
                assertThat(output.getAll().split("cannot record counter 'payments'", -1)).hasSize(2);
            }
        }
    }

    private static boolean prometheusAcceptsDifferentLabelKeysForOneName() {
        PrometheusMeterRegistry probe = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> failures = new ArrayList<>();
        probe.config().onMeterRegistrationFailed((id, reason) -> failures.add(reason));
        probe.counter("probe", "a", "1");
        probe.counter("probe", "b", "1");
        probe.scrape();
        return failures.isEmpty() && probe.find("probe").counters().size() == 2;
    }

    @Test
    void refusesTheSameIdentityUsedAsAnotherKindOfMeter() {
        try (ObservabilityManager manager = managerWith(MicrometerAdapterSettings.DEFAULTS)) {
            manager.counter("stock", 1, Labels.empty());
            manager.gauge("stock", 4, Labels.empty());
            assertThat(manager.controls().refusals().count(InputRefusal.INVALID_NAME)).isEqualTo(1);
            assertThat(this.registry.get("stock").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void worksOnAnyMeterRegistry() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        MicrometerMetricsAdapter adapter = new MicrometerMetricsAdapter("simple", simple);
        adapter.counter(new MetricId("hits", Labels.of("page", "home")), 3);
        assertThat(simple.get("hits").tag("page", "home").counter().count()).isEqualTo(3.0);
    }

    @Test
    void findsEverySeriesAgainAfterItsTablesGrow() {
        MicrometerMetricsAdapter adapter = new MicrometerMetricsAdapter("prom", this.registry,
                new MicrometerAdapterSettings(5_000, 1_000));
        for (int round = 0; round < 2; round++) {
            for (int user = 0; user < 5_000; user++) {
                adapter.counter(new MetricId("logins", Labels.of("user", "u" + user)), 1);
            }
            for (int name = 0; name < 500; name++) {
                adapter.counter(new MetricId("jobs." + name, Labels.empty()), 1);
            }
        }
        assertThat(this.registry.find("logins").counters()).hasSize(5_000)
            .allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(2.0));
        assertThat(this.registry.getMeters()).hasSize(5_500)
            .allSatisfy((meter) -> assertThat(((Counter) meter).count()).isEqualTo(2.0));
        assertThat(adapter.health().details()).containsEntry("meters", 5_500).containsEntry("refused", 0L);
    }

    @Test
    void threadsRacingOnNewSeriesCreateEachOnceAndTakeOneLabelSetEach() throws Exception {
        int series = 50;
        MicrometerMetricsAdapter adapter = new MicrometerMetricsAdapter("prom", this.registry,
                new MicrometerAdapterSettings(series, 10));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 100; round++) {
                        for (int user = 0; user < series; user++) {
                            adapter.counter(new MetricId("logins", Labels.of("user", "u" + user)), 1);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(this.registry.find("logins").counters()).hasSize(series)
            .allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(threads * 100.0));
        assertThat(adapter.health().details()).containsEntry("refused", 0L);
    }

    @Test
    void seriesWithEqualLabelsShareOneTags() {
        MicrometerMetricsAdapter adapter = new MicrometerMetricsAdapter("prom", this.registry);
        adapter.counter(new MetricId("orders.placed", Labels.of("region", "eu")), 1);
        adapter.counter(new MetricId("orders.paid", Labels.of("region", "eu")), 1);
        assertThat(this.registry.get("orders.paid").counter().getId().getTagsAsIterable())
            .isSameAs(this.registry.get("orders.placed").counter().getId().getTagsAsIterable());
    }

    private ObservabilityManager managerWith(MicrometerAdapterSettings settings) {
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new MicrometerMetricsAdapter("prom", this.registry, settings))
            .build();
        manager.start();
        return manager;
    }
}
